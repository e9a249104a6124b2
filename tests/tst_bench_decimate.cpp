// Decimation for the benchmark charts: LTTB for lines, one point per pixel cell for scatters.
#include "core/bench/decimate.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <vector>

using namespace quantcfg::bench;

class TestBenchDecimate : public QObject
{
    Q_OBJECT

private slots:
    void lttbKeepsEndsAndPeaks()
    {
        std::vector<double> x(10000), y(10000);
        for (std::size_t i = 0; i < x.size(); ++i) {
            x[i] = static_cast<double>(i);
            y[i] = std::sin(static_cast<double>(i) / 500.0);
        }
        y[4321] = 50; // a spike must survive
        const auto kept = lttb(x, y, 200);
        QCOMPARE(kept.size(), std::size_t(200));
        QCOMPARE(kept.front(), std::size_t(0));
        QCOMPARE(kept.back(), std::size_t(9999));
        QVERIFY(std::is_sorted(kept.begin(), kept.end()));
        QVERIFY(std::find(kept.begin(), kept.end(), std::size_t(4321)) != kept.end());
    }

    void lttbShortInputUnchanged()
    {
        const std::vector<double> x{1, 2, 3}, y{3, 1, 2};
        QCOMPARE(lttb(x, y, 10), (std::vector<std::size_t>{0, 1, 2}));
        QCOMPARE(lttb(x, y, 2), (std::vector<std::size_t>{0, 1, 2}));
    }

    void sortOrderIsAStableSort()
    {
        // Negative, zero (both signs: equal), equal and extreme values, and enough of them that every 16-bit digit
        // of the keys differs somewhere.
        std::vector<double> x{3.5, -1.0, 0.0, 3.5, -0.0, -1e300, 1e300, -0.5, 2.0, 3.5, 1.0 / 3.0, -2.25, 7.0};
        std::mt19937 rng(11);
        std::uniform_real_distribution<double> any(-1e6, 1e6);
        for (int i = 0; i < 5000; ++i)
            x.push_back(i % 5 == 0 ? std::round(any(rng)) : any(rng) * 1e-3);
        std::vector<std::uint32_t> expected(x.size());
        std::iota(expected.begin(), expected.end(), std::uint32_t{0});
        std::stable_sort(expected.begin(), expected.end(), [&x](std::uint32_t a, std::uint32_t b) { return x[a] < x[b]; });
        QCOMPARE(sortOrder(x), expected);
        QVERIFY(sortOrder({}).empty());
        QCOMPARE(sortOrder(std::vector<double>{2.0, 2.0, 2.0}), (std::vector<std::uint32_t>{0, 1, 2}));
    }

    void scatterOnePointPerCell()
    {
        // 1000 × 1000 points on a regular grid, drawn on 100 × 50 pixels: one per pixel.
        std::vector<double> x, y;
        for (int i = 0; i < 1000; ++i) {
            for (int j = 0; j < 1000; ++j) {
                x.push_back(i);
                y.push_back(j);
            }
        }
        x.push_back(NAN);
        y.push_back(3);
        const auto kept = decimateScatter(x, y, 100, 50);
        QCOMPARE(kept.size(), std::size_t(100 * 50));
        QVERIFY(std::is_sorted(kept.begin(), kept.end()));
        QCOMPARE(kept.front(), std::size_t(0));
        QVERIFY(std::find(kept.begin(), kept.end(), x.size() - 1) == kept.end()); // NaN dropped
        // The kept points still span the plane.
        double maxX = 0, maxY = 0;
        for (std::size_t i : kept) {
            maxX = std::max(maxX, x[i]);
            maxY = std::max(maxY, y[i]);
        }
        QVERIFY(maxX >= 990 && maxY >= 979);
    }

    void scatterDistinctPointsSurvive()
    {
        const std::vector<double> x{1, 5, 9, 1}, y{1, 5, 9, 1};
        QCOMPARE(decimateScatter(x, y, 100, 100), (std::vector<std::size_t>{0, 1, 2}));
        QVERIFY(decimateScatter(std::vector<double>{}, std::vector<double>{}, 10, 10).empty());
    }
};

QTEST_APPLESS_MAIN(TestBenchDecimate)
#include "tst_bench_decimate.moc"
