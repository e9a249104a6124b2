#include "ui/benchmarks/charts/seriescolours.h"

#include <QObject>

#include <array>
#include <cstdint>
#include <utility>

namespace quantcfg::ui::charts {

namespace {

// Tableau 10 first (the engines take from it), then the darker and lighter tones of Tableau 20
// and a few more, without its greys: 18 colours, so two names share one less often.
constexpr std::array<QRgb, 18> kPalette = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f,
                                           0xa0cbe8, 0xffbe7d, 0x8cd17d, 0xb6992d, 0x499894, 0x86bcb6, 0xd37295, 0xd4a6c8, 0x1f4e79};

// FNV-1a over the UTF-8 bytes: the same on every machine and in every session (qHash is seeded
// per process).
std::uint32_t stableHash(const QString &text)
{
    std::uint32_t h = 2166136261u;
    for (const char c : text.toUtf8()) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    return h;
}

} // namespace

QColor seriesColour(const QString &name)
{
    // Engines first: they are what a reader compares most, and they must never share a colour.
    static const std::pair<const char *, QRgb> fixed[] = {
        {"vllm", kPalette[0]},         {"sglang", kPalette[1]}, {"trtllm", kPalette[4]}, {"tensorrt-llm", kPalette[4]},
        {"lmdeploy", kPalette[6]},     {"tgi", kPalette[8]},    {"meets SLO", 0x2e7d32}, {"violates SLO", 0xc62828},
        {"failed runs", 0x757575},     {"runs", kPalette[0]},
    };
    for (const auto &[known, rgb] : fixed) {
        if (name.compare(QLatin1String(known), Qt::CaseInsensitive) == 0)
            return QColor(rgb);
    }
    return QColor(kPalette[stableHash(name) % kPalette.size()]);
}

} // namespace quantcfg::ui::charts
