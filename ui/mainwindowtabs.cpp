// MainWindow: the tabs beside the configuration editor (hardware matrix, memory fit, benchmarks).
// Each tab is its own widget; this file only creates them and wires them to the document.
#include "ui/mainwindow.h"

#include "core/hardware/gpudatabase.h"
#include "ui/benchmarkstab.h"
#include "ui/configdocument.h"
#include "ui/hardwaretab.h"
#include "ui/memoryfitpanel.h"
#include "ui/settings.h"
#include "ui/targetgpupicker.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>

namespace quantcfg::ui {

void MainWindow::buildPages()
{
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("Pages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_mainSplitter, tr("&Config"));

    m_hardware = new HardwareTab(m_pages);
    m_pages->addTab(m_hardware, tr("&Hardware matrix"));
    connect(m_hardware, &HardwareTab::applyRequested, this, &MainWindow::applyMatrixCell);
    connect(m_hardware, &HardwareTab::message, this, &MainWindow::showStatus);
    connect(m_document, &ConfigDocument::changed, m_hardware,
            [this] { m_hardware->setConfigMethod(QString::fromStdString(m_document->config().quantization.methodOrNone())); });

    m_fit = new MemoryFitPanel(m_document, m_pages);
    m_pages->addTab(m_fit, tr("&Memory fit"));
    connect(m_fit, &MemoryFitPanel::message, this, &MainWindow::showStatus);

    m_bench = new BenchmarksTab(m_pages);
    m_pages->addTab(m_bench, tr("&Benchmarks"));
    connect(m_bench, &BenchmarksTab::message, this, &MainWindow::showStatus);
    m_bench->useSettings(m_settings.get()); // its pickers, SLO and recent files; nothing is imported

    setCentralWidget(m_pages);
}

void MainWindow::buildPageConnections()
{
    connect(m_gpu, &TargetGpuPicker::detectionFinished, m_hardware, [this] { m_hardware->setDetection(m_gpu->detection()); });
    connect(m_gpu, &TargetGpuPicker::targetChanged, m_fit, [this] { m_fit->setTarget(m_gpu->currentTarget()); });
    m_fit->setTarget(m_gpu->currentTarget());
}

void MainWindow::applyMatrixCell(const QString &method, int computeCapability)
{
    m_document->setValue("/quantization/method", Json(method.toStdString()));
    // Keep a chosen GPU of the same architecture (it says more than the bare capability).
    const auto current = m_gpu->currentTarget();
    const auto want = architectureFor(computeCapability);
    const auto have = current ? architectureFor(current->computeCapability) : std::nullopt;
    if (!have || !want || have->computeCapability != want->computeCapability)
        m_gpu->selectId(QStringLiteral("sm_%1").arg(computeCapability));
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
        m_fit->loadModel(model);
    if (!before.isEmpty()) {
        m_bench->labelEdit("import")->setText(after.isEmpty() ? QString() : tr("before"));
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
