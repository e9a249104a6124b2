#pragma once

#include "core/bench/importers.h"
#include "core/bench/resulttable.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

class QThread;

namespace quantcfg::ui {

/// One import: files read together under a name, with the labels the user gave them. The name
/// is every run's "import" label; engine, preset and version only fill gaps: a run whose file
/// (its contents, or its name and folders) gives that label keeps it, the others get the user's
/// value (empty = none).
struct ImportBatch
{
    QString name; ///< becomes the runs' "import" label ("before", "after", "import 1")
    QStringList paths;
    QString engine;
    QString preset;
    QString version;
};

/// Runs core's importFiles() on a worker thread, so the UI stays responsive and a large file can
/// be cancelled. The result is a new table (a copy of the base with the batches added), handed
/// over whole: nothing is shared with the worker while it runs.
class BenchmarkImporter final : public QObject
{
    Q_OBJECT

public:
    explicit BenchmarkImporter(QObject *parent = nullptr);
    ~BenchmarkImporter() override;

    /// Imports @p batches into a copy of @p base (nullptr: an empty table). Ignored while running.
    void start(std::shared_ptr<const bench::ResultTable> base, std::vector<ImportBatch> batches);
    /// Asks the running import to stop (it finishes with cancelled = true and nothing added).
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

    /// The last finished import's table and file reports (each report's path is the file's).
    const std::shared_ptr<bench::ResultTable> &result() const { return m_result; }
    const std::vector<bench::FileReport> &reports() const { return m_reports; }
    bool wasCancelled() const { return m_cancelled; }

    /// How an import labels its runs: the name as an extra label (it always applies), engine,
    /// preset and version as fallback labels (only where the files lack them).
    static bench::ImportOptions optionsFor(const ImportBatch &batch);

signals:
    /// Bytes read so far of all files (queued from the worker).
    void progress(qint64 done, qint64 total);
    /// Read result(), reports() and wasCancelled().
    void finished();

private:
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<bench::ResultTable> m_result;
    std::vector<bench::FileReport> m_reports;
    bool m_cancelled = false;
};

} // namespace quantcfg::ui
