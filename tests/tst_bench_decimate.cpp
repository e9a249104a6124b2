// Decimation for the benchmark charts: LTTB for lines, one point per pixel cell for scatters.
#include "core/bench/decimate.h"

#include <QTest>

#include <cmath>
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
