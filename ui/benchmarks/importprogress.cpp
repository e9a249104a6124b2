#include "ui/benchmarks/importprogress.h"

#include "ui/benchmarks/benchmarkimporter.h"

#include <QProgressDialog>

namespace quantcfg::ui {

ImportProgress::ImportProgress(BenchmarkImporter *importer, QWidget *window)
    : QObject(window)
    , m_importer(importer)
    , m_window(window)
{
    connect(m_importer, &BenchmarkImporter::progress, this, [this](qint64 done, qint64 total) {
        if (m_dialog && total > 0)
            m_dialog->setValue(static_cast<int>(1000 * done / total));
    });
    connect(m_importer, &BenchmarkImporter::finished, this, &ImportProgress::end);
}

void ImportProgress::begin()
{
    end();
    m_dialog = new QProgressDialog(tr("Importing benchmark results…"), tr("Cancel"), 0, 1000, m_window);
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setMinimumDuration(400);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    connect(m_dialog, &QProgressDialog::canceled, m_importer, &BenchmarkImporter::cancel);
}

void ImportProgress::end()
{
    if (m_dialog) {
        m_dialog->deleteLater();
        m_dialog = nullptr;
    }
}

} // namespace quantcfg::ui
