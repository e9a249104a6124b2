#include "core/bench/decimate.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>

namespace quantcfg::bench {

std::vector<std::uint32_t> sortOrder(std::span<const double> x)
{
    const std::size_t n = x.size();
    // The bits of a double, flipped so that unsigned order is numeric order: negative values
    // reversed, positive ones above them.
    std::vector<std::uint64_t> keys(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto bits = std::bit_cast<std::uint64_t>(x[i] == 0 ? 0.0 : x[i]); // -0 equals +0
        keys[i] = bits >> 63 ? ~bits : bits | (std::uint64_t(1) << 63);
    }
    std::vector<std::uint32_t> order(n), next(n);
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    std::vector<std::size_t> count(std::size_t(1) << 16);
    // Plain loops over raw arrays: this runs per chart redraw, also in debug builds.
    const std::uint64_t *key = keys.data();
    for (int shift = 0; shift < 64; shift += 16) {
        std::fill(count.begin(), count.end(), 0);
        std::size_t *c = count.data();
        for (std::size_t i = 0; i < n; ++i)
            ++c[(key[i] >> shift) & 0xffff];
        if (n == 0 || c[(key[0] >> shift) & 0xffff] == n)
            continue; // every key has the same digit here
        std::size_t sum = 0;
        for (std::size_t d = 0; d < count.size(); ++d) {
            const std::size_t here = c[d];
            c[d] = sum;
            sum += here;
        }
        const std::uint32_t *from = order.data();
        std::uint32_t *to = next.data();
        for (std::size_t i = 0; i < n; ++i)
            to[c[(key[from[i]] >> shift) & 0xffff]++] = from[i];
        order.swap(next);
    }
    return order;
}

std::vector<std::size_t> lttb(std::span<const double> x, std::span<const double> y, std::size_t threshold)
{
    const std::size_t n = std::min(x.size(), y.size());
    std::vector<std::size_t> out;
    if (threshold >= n || threshold < 3) {
        out.resize(n);
        std::iota(out.begin(), out.end(), std::size_t{0});
        return out;
    }
    out.reserve(threshold);
    out.push_back(0);
    // Buckets of the n - 2 inner points; bucket i spans [start(i), start(i + 1)).
    const double every = static_cast<double>(n - 2) / static_cast<double>(threshold - 2);
    const auto start = [&](std::size_t i) { return std::min(n - 1, static_cast<std::size_t>(std::floor(static_cast<double>(i) * every)) + 1); };
    std::size_t a = 0;
    for (std::size_t i = 0; i + 2 < threshold; ++i) {
        // Mean of the next bucket (the last point for the last bucket).
        const std::size_t nextBegin = start(i + 1);
        const std::size_t nextEnd = i + 3 < threshold ? start(i + 2) : n;
        double meanX = 0, meanY = 0;
        for (std::size_t j = nextBegin; j < nextEnd; ++j) {
            meanX += x[j];
            meanY += y[j];
        }
        const double count = static_cast<double>(std::max<std::size_t>(1, nextEnd - nextBegin));
        meanX /= count;
        meanY /= count;

        double best = -1;
        std::size_t chosen = start(i);
        for (std::size_t j = start(i); j < nextBegin; ++j) {
            const double area = std::abs((x[a] - meanX) * (y[j] - y[a]) - (x[a] - x[j]) * (meanY - y[a]));
            if (area > best) {
                best = area;
                chosen = j;
            }
        }
        out.push_back(chosen);
        a = chosen;
    }
    out.push_back(n - 1);
    return out;
}

std::vector<std::size_t> decimateScatter(std::span<const double> x, std::span<const double> y, int columns, int rows)
{
    const std::size_t n = std::min(x.size(), y.size());
    double minX = std::numeric_limits<double>::infinity(), maxX = -minX, minY = minX, maxY = -minX;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            continue;
        minX = std::min(minX, x[i]);
        maxX = std::max(maxX, x[i]);
        minY = std::min(minY, y[i]);
        maxY = std::max(maxY, y[i]);
    }
    std::vector<std::size_t> out;
    if (!(minX <= maxX))
        return out;
    const auto cols = static_cast<std::size_t>(std::max(1, columns));
    const auto rws = static_cast<std::size_t>(std::max(1, rows));
    const double sx = maxX > minX ? static_cast<double>(cols - 1) / (maxX - minX) : 0;
    const double sy = maxY > minY ? static_cast<double>(rws - 1) / (maxY - minY) : 0;
    std::vector<bool> taken(cols * rws, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            continue;
        const auto cx = static_cast<std::size_t>(std::lround((x[i] - minX) * sx));
        const auto cy = static_cast<std::size_t>(std::lround((y[i] - minY) * sy));
        const std::size_t cell = cy * cols + cx;
        if (!taken[cell]) {
            taken[cell] = true;
            out.push_back(i);
        }
    }
    return out;
}

} // namespace quantcfg::bench
