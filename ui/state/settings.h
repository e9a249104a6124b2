#pragma once

#include <QByteArray>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace quantcfg::ui {

/// What the benchmarks tab remembers between sessions. Names, not indexes, so that a picker that
/// gains an entry still restores the right one; an empty name or a negative threshold means "not
/// remembered" (the tab keeps its default).
struct BenchmarkView
{
    /// One SLO limit: on or off, and its threshold (ms or GB), kept while off.
    struct Limit
    {
        bool enabled = false;
        double threshold = -1;
        bool operator==(const Limit &) const = default;
    };

    QString chart;       ///< "bars", "lines" or "scatter"
    QString metric;      ///< the metric picker's metric: "output_throughput", "ttft", …
    QString statistic;   ///< "mean", "median", "p90", "p99"
    QString loadAxis;    ///< "concurrency" or "request_rate"
    QString latencyAxis; ///< the latency picker's metric: "ttft", "tpot", "itl", "e2e_latency"
    QString objective;   ///< core's objective name: "maximize_throughput", …
    Limit ttft;
    Limit tpot;
    Limit memory;
    bool operator==(const BenchmarkView &) const = default;
};

/// The one typed wrapper over QSettings. Every key the studio remembers is declared here once,
/// with its type and default; nothing else in ui/ or app/ touches QSettings. Setters of the values
/// other objects follow emit a change signal when the stored value changes (like hotspot's
/// per-setting signals). Each owner holds its own Settings; all are handles onto the one settings
/// file, and a change made through any of them is announced by every one.
class Settings final : public QObject
{
    Q_OBJECT

public:
    explicit Settings(QObject *parent = nullptr);
    ~Settings() override;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    /// Saved state of the splitter called @p name ("main", "top", ...).
    QByteArray splitterState(const QString &name) const;
    void setSplitterState(const QString &name, const QByteArray &state);

    /// Chosen profile version of @p engine ("vllm"); empty means the engine's default.
    QString engineVersion(const QString &engine) const;
    void setEngineVersion(const QString &engine, const QString &version);

    /// Whether commands are shown one option per line (default) or on one line.
    bool multiLineCommands() const;
    void setMultiLineCommands(bool multiLine);

    /// Whether the status bar shows how long the last revalidate-and-remap took (View › Show
    /// Timings); off by default, a figure for developers.
    bool showTimings() const;
    void setShowTimings(bool show);

    /// Whether the form shows the fields that do not apply to the configuration (disabled, with
    /// the reason); off by default: they are hidden and one check box shows them.
    bool showInapplicableFields() const;
    void setShowInapplicableFields(bool show);

    /// Id of the chosen target GPU entry; empty means "use the detected GPU, if any".
    QString targetGpu() const;
    void setTargetGpu(const QString &id);

    QString lastFile() const;
    void setLastFile(const QString &path);

    /// The model config.json or folder last loaded in the memory fit tab; empty when none.
    QString fitModelPath() const;
    void setFitModelPath(const QString &path);

    /// Recently opened or saved files, most recent first (at most kMaxRecentFiles).
    QStringList recentFiles() const;
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);

    static constexpr int kMaxRecentFiles = 8;

    /// The benchmarks tab's chart, pickers and SLO.
    BenchmarkView benchmarkView() const;
    void setBenchmarkView(const BenchmarkView &view);

    /// Benchmark result files imported lately, most recent first (at most kMaxRecentBenchmarkFiles).
    QStringList recentBenchmarkFiles() const;
    void addRecentBenchmarkFiles(const QStringList &paths);
    void removeRecentBenchmarkFile(const QString &path);
    void clearRecentBenchmarkFiles();

    static constexpr int kMaxRecentBenchmarkFiles = 12;

signals:
    void engineVersionChanged(const QString &engine);
    void targetGpuChanged(const QString &id);
    void recentFilesChanged();
    void recentBenchmarkFilesChanged();

private:
    QSettings m_settings;
};

} // namespace quantcfg::ui
