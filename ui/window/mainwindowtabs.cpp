// MainWindow: the pages beside the configuration editor (hardware matrix, memory fit, benchmarks).
// Each page is its own widget, built on first use by LazyPages; this file only creates and wires them.
#include "ui/window/mainwindow.h"

#include "core/presets.h"

#include "core/hardware/gpudatabase.h"
#include "ui/benchmarks/benchmarkstab.h"
#include "ui/state/configdocument.h"
#include "ui/matrix/hardwaretab.h"
#include "ui/window/lazypages.h"
#include "ui/fit/memoryfitpanel.h"
#include "ui/state/settings.h"
#include "ui/state/studiosession.h"

#include <QSplitter>


namespace quantcfg::ui {

void MainWindow::buildPages()
{
    m_pages = new LazyPages(this);
    m_pages->setObjectName(QStringLiteral("Pages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_mainSplitter, tr("Co&nfig"));
    // The other pages are built the first time they are shown or asked for: the window opens on the
    // configuration, and the matrix alone (every method on every architecture for every engine)
    // would take a large share of the start-up time. A page reads the session and the document
    // itself; here it is only created and its requests wired.
    m_pages->addLazyPage(tr("Hard&ware matrix"), [this](QWidget *parent) {
        auto *matrix = new HardwareTab(m_session, parent);
        connect(matrix, &HardwareTab::applyRequested, this, &MainWindow::applyMatrixCell);
        connect(matrix, &HardwareTab::message, this, &MainWindow::showStatus);
        const auto updateMethod = [this, matrix] {
            matrix->setConfigMethod(QString::fromStdString(m_document->config().quantization.methodOrNone()));
        };
        connect(m_document, &ConfigDocument::changed, matrix, updateMethod);
        updateMethod();
        return matrix;
    });
    m_pages->addLazyPage(tr("&Memory fit"), [this](QWidget *parent) {
        auto *fit = new MemoryFitPanel(m_document, m_session, parent);
        connect(fit, &MemoryFitPanel::message, this, &MainWindow::showStatus);
        connect(fit, &MemoryFitPanel::modelLoaded, this, [this](const QString &path) { m_settings->setFitModelPath(path); });
        fit->restoreModel(m_settings->fitModelPath());
        return fit;
    });
    m_pages->addLazyPage(tr("&Benchmarks"), [this](QWidget *parent) {
        auto *bench = new BenchmarksTab(parent); // it restores its own view and recent files
        connect(bench, &BenchmarksTab::message, this, &MainWindow::showStatus);
        connect(bench, &BenchmarksTab::openConfigurationRequested, this, [this](const QString &name) {
            const PresetLibrary library = loadPresetLibrary();
            const Preset *preset = library.find(name.toStdString());
            if (!preset) {
                showStatus(tr("No preset named %1").arg(name));
                return;
            }
            m_document->loadPreset(preset->document, name);
            m_pages->setCurrentIndex(ConfigPage);
        });
        return bench;
    });
    setCentralWidget(m_pages);
}

HardwareTab *MainWindow::hardwareTab()
{
    return m_pages->page<HardwareTab>(MatrixPage);
}

MemoryFitPanel *MainWindow::memoryFitPanel()
{
    return m_pages->page<MemoryFitPanel>(FitPage);
}

BenchmarksTab *MainWindow::benchmarksTab()
{
    return m_pages->page<BenchmarksTab>(BenchmarksPage);
}

void MainWindow::applyMatrixCell(const QString &method, int computeCapability)
{
    // Its own undo step: a form edit of the method just before must not merge into it.
    m_document->setValueAsStep("/quantization/method", Json(method.toStdString()),
                               tr("Apply %1 for sm_%2 from the matrix").arg(method).arg(computeCapability));
    // Keep a chosen GPU of the same architecture (it says more than the bare capability).
    const auto current = m_session->targetGpu();
    const auto want = architectureFor(computeCapability);
    const auto have = current ? architectureFor(current->computeCapability) : std::nullopt;
    if (!have || !want || have->computeCapability != want->computeCapability)
        m_session->setTargetGpuId(QStringLiteral("sm_%1").arg(computeCapability));
    showStatus(tr("Applied %1 for sm_%2").arg(method).arg(computeCapability));
}

} // namespace quantcfg::ui
