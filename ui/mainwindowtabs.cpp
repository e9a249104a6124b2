// MainWindow: the tabs beside the configuration editor (hardware matrix, memory fit, benchmarks).
// Each tab is its own widget; this file only creates them and wires them to the document.
#include "ui/mainwindow.h"

#include "core/hardware/gpudatabase.h"
#include "ui/benchmarkstab.h"
#include "ui/configdocument.h"
#include "ui/hardwaretab.h"
#include "ui/memoryfitpanel.h"
#include "ui/settings.h"
#include "ui/studiosession.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace quantcfg::ui {

void MainWindow::buildPages()
{
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("Pages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_mainSplitter, tr("Co&nfig"));
    // The other pages are built the first time they are shown or asked for: the window opens on the
    // configuration, and the matrix alone (every method on every architecture for every engine)
    // would take a large share of the start-up time.
    for (const QString &title : {tr("Hard&ware matrix"), tr("&Memory fit"), tr("&Benchmarks")}) {
        auto *holder = new QWidget(m_pages);
        auto *layout = new QVBoxLayout(holder);
        layout->setContentsMargins(0, 0, 0, 0);
        m_pages->addTab(holder, title);
    }
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int index) {
        switch (index) {
        case 1: hardwareTab(); break;
        case 2: memoryFitPanel(); break;
        case 3: benchmarksTab(); break;
        default: break;
        }
    });
    setCentralWidget(m_pages);
}

QWidget *MainWindow::pageHolder(int index) const
{
    return m_pages->widget(index);
}

void MainWindow::installPage(int index, QWidget *page)
{
    pageHolder(index)->layout()->addWidget(page);
    page->show(); // now, not when the layout gets round to it: the page is being looked at
}

HardwareTab *MainWindow::hardwareTab()
{
    if (!m_hardware) {
        m_hardware = new HardwareTab(m_session, pageHolder(1));
        installPage(1, m_hardware);
        connect(m_hardware, &HardwareTab::applyRequested, this, &MainWindow::applyMatrixCell);
        connect(m_hardware, &HardwareTab::message, this, &MainWindow::showStatus);
        const auto updateMethod = [this] { m_hardware->setConfigMethod(QString::fromStdString(m_document->config().quantization.methodOrNone())); };
        connect(m_document, &ConfigDocument::changed, m_hardware, updateMethod);
        updateMethod();
    }
    return m_hardware;
}

MemoryFitPanel *MainWindow::memoryFitPanel()
{
    if (!m_fit) {
        m_fit = new MemoryFitPanel(m_document, m_session, pageHolder(2));
        installPage(2, m_fit);
        connect(m_fit, &MemoryFitPanel::message, this, &MainWindow::showStatus);
        connect(m_fit, &MemoryFitPanel::modelLoaded, this, [this](const QString &path) { m_settings->setFitModelPath(path); });
        m_fit->restoreModel(m_settings->fitModelPath());
    }
    return m_fit;
}

BenchmarksTab *MainWindow::benchmarksTab()
{
    if (!m_bench) {
        m_bench = new BenchmarksTab(pageHolder(3));
        installPage(3, m_bench);
        connect(m_bench, &BenchmarksTab::message, this, &MainWindow::showStatus);
    }
    return m_bench;
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

QStringList MainWindow::applyStartOptions(const QStringList &arguments)
{
    QStringList rest, before, after;
    QString tab, model;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        const bool hasValue = i + 1 < arguments.size();
        if (a == QLatin1String("--tab") && hasValue)
            tab = arguments[++i];
        else if (a == QLatin1String("--model") && hasValue)
            model = arguments[++i];
        else if (a == QLatin1String("--bench") && hasValue)
            before << arguments[++i];
        else if (a == QLatin1String("--bench-after") && hasValue)
            after << arguments[++i];
        else
            rest << a;
    }
    if (!model.isEmpty())
        memoryFitPanel()->loadModel(model);
    if (!before.isEmpty()) {
        benchmarksTab()->labelEdit("import")->setText(after.isEmpty() ? QString() : tr("before"));
        m_bench->importFiles(before);
    }
    if (!after.isEmpty()) {
        // One import at a time: the second starts when the first has finished.
        auto *conn = new QMetaObject::Connection;
        *conn = connect(m_bench, &BenchmarksTab::importFinished, this, [this, after, conn] {
            disconnect(*conn);
            delete conn;
            m_bench->labelEdit("import")->setText(tr("after"));
            m_bench->importFiles(after);
            m_bench->overlayBox()->setChecked(true);
        });
    }
    const QStringList names{QStringLiteral("config"), QStringLiteral("matrix"), QStringLiteral("fit"), QStringLiteral("bench")};
    if (const qsizetype index = names.indexOf(tab); index >= 0)
        m_pages->setCurrentIndex(static_cast<int>(index));
    return rest;
}

} // namespace quantcfg::ui
