#include "ui/benchmarks/benchmarkimporter.h"

#include <QFileInfo>
#include <QThread>

namespace quantcfg::ui {

BenchmarkImporter::BenchmarkImporter(QObject *parent)
    : QObject(parent)
{
}

BenchmarkImporter::~BenchmarkImporter()
{
    if (m_thread) {
        cancel();
        m_thread->disconnect(this);
        m_thread->wait();
        delete m_thread;
    }
}

bench::ImportOptions BenchmarkImporter::optionsFor(const ImportBatch &batch)
{
    bench::ImportOptions options;
    for (const auto &[key, value] : {std::pair{"import", batch.name}, std::pair{"engine", batch.engine}, std::pair{"preset", batch.preset},
                                     std::pair{"engine_version", batch.version}}) {
        bench::LabelPairs &labels = std::string_view(key) == "import" ? options.extraLabels : options.fallbackLabels;
        if (!value.trimmed().isEmpty())
            labels.emplace_back(key, value.trimmed().toStdString());
    }
    return options;
}

void BenchmarkImporter::start(std::shared_ptr<const bench::ResultTable> base, std::vector<ImportBatch> batches)
{
    if (m_thread)
        return;
    struct Work
    {
        bench::ResultTable table;
        std::vector<bench::FileReport> reports;
        bool cancelled = false;
    };
    auto work = std::make_shared<Work>();
    if (base)
        work->table = *base;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_thread = QThread::create([this, work, batches = std::move(batches), cancel = m_cancel] {
        std::uint64_t before = 0, grand = 0;
        for (const ImportBatch &batch : batches) {
            for (const QString &p : batch.paths)
                grand += static_cast<std::uint64_t>(std::max<qint64>(0, QFileInfo(p).size()));
        }
        for (const ImportBatch &batch : batches) {
            bench::ImportOptions options = optionsFor(batch);
            options.progress = [this, cancel, before, grand](std::uint64_t done, std::uint64_t) {
                const auto d = static_cast<qint64>(before + done), t = static_cast<qint64>(grand);
                QMetaObject::invokeMethod(this, [this, d, t] { emit progress(d, t); }, Qt::QueuedConnection);
                return !cancel->load();
            };
            std::vector<std::filesystem::path> paths;
            for (const QString &p : batch.paths) {
                paths.emplace_back(p.toStdString());
                before += static_cast<std::uint64_t>(std::max<qint64>(0, QFileInfo(p).size()));
            }
            for (bench::FileReport &r : bench::importFiles(paths, work->table, options)) {
                work->cancelled = work->cancelled || r.cancelled;
                work->reports.push_back(std::move(r));
            }
            if (cancel->load()) {
                work->cancelled = true;
                break;
            }
        }
    });
    connect(m_thread, &QThread::finished, this, [this, work] {
        m_thread->deleteLater();
        m_thread = nullptr;
        m_cancelled = work->cancelled;
        m_reports = std::move(work->reports);
        m_result = m_cancelled ? nullptr : std::make_shared<bench::ResultTable>(std::move(work->table));
        emit finished();
    });
    m_thread->start();
}

void BenchmarkImporter::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

} // namespace quantcfg::ui
