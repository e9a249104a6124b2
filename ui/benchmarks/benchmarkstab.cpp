#include "ui/benchmarks/benchmarkstab.h"

#include "ui/benchmarks/chartpanel.h"
#include "ui/shared/counts.h"
#include "ui/config/diagnosticsmodel.h"
#include "ui/benchmarks/importlistmodel.h"
#include "ui/benchmarks/importprogress.h"
#include "ui/benchmarks/recentbenchmarkmenu.h"
#include "ui/benchmarks/resulttablemodel.h"
#include "ui/benchmarks/runspanel.h"
#include "ui/benchmarks/runsproxy.h"
#include "ui/state/settings.h"
#include "ui/benchmarks/slopanel.h"

#include <QCheckBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace quantcfg::ui {

namespace {

QLineEdit *labelField(const QString &name, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(placeholder);
    edit->setMaximumWidth(140);
    return edit;
}

// The local files of a drag (a web link or a mail is not a result file).
QStringList droppedFiles(const QMimeData *mime)
{
    QStringList paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

} // namespace

BenchmarksTab::BenchmarksTab(QWidget *parent)
    : QWidget(parent)
    , m_importer(new BenchmarkImporter(this))
    , m_progress(new ImportProgress(m_importer, this))
    , m_runs(new ResultTableModel(this))
    , m_imports(new ImportListModel(this))
    , m_issues(new DiagnosticsModel(this))
{
    setObjectName(QStringLiteral("BenchmarksTab"));
    setAcceptDrops(true);
    connect(m_importer, &BenchmarkImporter::finished, this, &BenchmarksTab::onImportFinished);

    m_runsPanel = new RunsPanel(m_runs, this);

    m_importsView = new QTableView(this);
    m_importsView->setModel(m_imports);
    m_importsView->setColumnHidden(ImportListModel::OverlayColumn, true); // the overlay pickers' text
    m_importsView->setAccessibleName(tr("Imports"));
    m_importsView->setToolTip(tr("Edit an import's name, engine, preset or version to relabel its runs; engine, preset and "
                                 "version go only to runs whose files lack them"));
    m_importsView->horizontalHeader()->setStretchLastSection(true);
    m_importsView->verticalHeader()->hide();
    connect(m_imports, &ImportListModel::relabelRequested, this, &BenchmarksTab::relabel);
    connect(m_imports, &QAbstractItemModel::modelReset, m_importsView, &QTableView::resizeColumnsToContents);

    m_issuesView = new QTreeView(this);
    m_issues->attachView(m_issuesView);
    m_issuesView->setAccessibleName(tr("Import issues"));
    m_issuesView->header()->hideSection(DiagnosticsModel::SourceColumn);

    m_sloPanel = new SloPanel(m_runs, this);
    connect(m_sloPanel, &SloPanel::openConfigurationRequested, this, &BenchmarksTab::openConfigurationRequested);

    // The side panel is a tab widget so its height never squeezes the charts below it.
    auto *side = new QTabWidget(this);
    side->setDocumentMode(true);
    // Scrolled: the winner card's lines must not set the page's minimum height (it squeezed the charts).
    auto *sloScroll = new QScrollArea(side);
    sloScroll->setWidget(m_sloPanel);
    sloScroll->setWidgetResizable(true);
    sloScroll->setFrameShape(QFrame::NoFrame);
    sloScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    side->addTab(sloScroll, tr("SLO and ranking"));
    auto *importsPage = new QWidget(side);
    auto *importsLayout = new QVBoxLayout(importsPage);
    importsLayout->setContentsMargins(0, 0, 0, 0);
    auto *relabelNote = new QLabel(tr("Edit a cell to relabel an import (its files are read again). Engine, preset and version "
                                      "only fill gaps: runs whose files give one keep their own."),
                                   importsPage);
    relabelNote->setWordWrap(true);
    importsLayout->addWidget(relabelNote);
    importsLayout->addWidget(m_importsView, 1);
    side->addTab(importsPage, tr("Imports"));
    side->addTab(m_issuesView, tr("Import issues"));
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_runsPanel);
    top->addWidget(side);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);

    m_chartPanel = new ChartPanel(m_runsPanel->proxy(), m_imports, this);
    // The chosen statistic is what the table shows and what the SLO's time limits check.
    const auto applyStatistic = [this](const QString &statistic) {
        m_runs->setStatistic(statistic);
        m_sloPanel->setStatistic(statistic);
    };
    applyStatistic(m_chartPanel->statistic());
    connect(m_chartPanel, &ChartPanel::statisticChanged, this, applyStatistic);
    connect(m_chartPanel, &ChartPanel::message, this, &BenchmarksTab::message);
    connect(m_sloPanel, &SloPanel::sloLinesChanged, m_chartPanel, &ChartPanel::setSloLines);
    // A point clicked selects its run's row; the selected row is ringed on the charts.
    connect(m_chartPanel, &ChartPanel::runClicked, m_runsPanel, &RunsPanel::selectRun);
    connect(m_runsPanel, &RunsPanel::currentRunChanged, m_chartPanel, &ChartPanel::setHighlightedRun);
    m_sloPanel->rescore();

    auto *main = new QSplitter(Qt::Vertical, this);
    main->addWidget(top);
    main->addWidget(m_chartPanel);
    main->setStretchFactor(0, 2);
    main->setStretchFactor(1, 3);
    main->setSizes({280, 420}); // the charts are what this tab is for
    main->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildImportBar());
    layout->addWidget(main, 1);
}

QWidget *BenchmarksTab::buildImportBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    auto *importButton = new QPushButton(tr("&Import results…"), bar);
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import Benchmark Results"), {},
                                                                tr("Benchmark results (*.json *.jsonl *.csv *.tsv);;All files (*)"));
        if (!paths.isEmpty())
            importFiles(paths);
    });
    auto *recentButton = new QToolButton(bar);
    recentButton->setText(tr("Re&cent"));
    recentButton->setToolTip(tr("Recent benchmark files: choose one to import it again"));
    recentButton->setAccessibleName(tr("Recent benchmark files"));
    recentButton->setPopupMode(QToolButton::InstantPopup);
    m_recentMenu = new RecentBenchmarkMenu(recentButton);
    m_recentMenu->setObjectName(QStringLiteral("RecentBenchmarkFiles"));
    recentButton->setMenu(m_recentMenu);
    connect(m_recentMenu, &RecentBenchmarkMenu::importRequested, this, [this](const QString &path) { importFiles({path}); });
    connect(m_recentMenu, &RecentBenchmarkMenu::message, this, &BenchmarksTab::message);
    auto *clearButton = new QPushButton(tr("Clear"), bar);
    connect(clearButton, &QPushButton::clicked, this, &BenchmarksTab::clear);
    m_name = labelField(QStringLiteral("ImportName"), tr("import name"), bar);
    m_engine = labelField(QStringLiteral("ImportEngine"), tr("engine"), bar);
    m_preset = labelField(QStringLiteral("ImportPreset"), tr("preset"), bar);
    m_version = labelField(QStringLiteral("ImportVersion"), tr("engine version"), bar);
    row->addWidget(importButton);
    row->addWidget(recentButton);
    row->addWidget(clearButton);
    row->addSpacing(12);
    row->addWidget(new QLabel(tr("Next import's labels, where the files lack them:"), bar));
    for (QLineEdit *e : {m_name, m_engine, m_preset, m_version})
        row->addWidget(e);
    row->addStretch(1);
    row->addWidget(new QLabel(tr("or drop files here"), bar));
    return bar;
}

const std::vector<ImportBatch> &BenchmarksTab::imports() const
{
    return m_imports->imports();
}

QSortFilterProxyModel *BenchmarksTab::proxy() const { return m_runsPanel->proxy(); }
charts::Overlay BenchmarksTab::overlay() const { return m_chartPanel->overlay(); }
void BenchmarksTab::setOverlayShown(bool shown) { m_chartPanel->setOverlayShown(shown); }

bool BenchmarksTab::exportChart(const QString &path, QString *error) const
{
    return m_chartPanel->exportChart(path, error);
}

bool BenchmarksTab::isImporting() const
{
    return m_importer->isRunning();
}

void BenchmarksTab::importFiles(const QStringList &paths)
{
    const QString name = m_name->text();
    m_name->clear();
    importFiles(paths, name);
}

void BenchmarksTab::importFiles(const QStringList &paths, const QString &name)
{
    ImportBatch batch;
    batch.name = name.trimmed();
    if (batch.name.isEmpty())
        batch.name = tr("import %1").arg(++m_importCounter);
    batch.name = m_imports->uniqueName(batch.name);
    batch.paths = paths;
    batch.engine = m_engine->text();
    batch.preset = m_preset->text();
    batch.version = m_version->text();
    startImport({batch}, false);
}

void BenchmarksTab::relabel(int index, const ImportBatch &batch)
{
    std::vector<ImportBatch> all = imports();
    all.at(static_cast<std::size_t>(index)) = batch;
    startImport(std::move(all), true);
}

void BenchmarksTab::cancelImport()
{
    m_importer->cancel();
}

void BenchmarksTab::clear()
{
    m_imports->setImports({});
    setOverlayShown(false);
    m_runs->setTable(nullptr);
    m_issues->setDiagnostics({});
    m_sloPanel->rescore();
}

void BenchmarksTab::startImport(std::vector<ImportBatch> batches, bool replace)
{
    if (m_importer->isRunning()) {
        emit message(tr("An import is running; try again when it has finished"));
        return;
    }
    m_pending = batches;
    m_replacing = replace;
    m_importer->start(replace ? nullptr : m_runs->table(), std::move(batches));
    m_progress->begin();
}

void BenchmarksTab::onImportFinished()
{
    Diagnostics issues = m_replacing ? Diagnostics{} : m_issues->diagnostics();
    std::size_t runs = 0;
    for (const bench::FileReport &r : m_importer->reports()) {
        runs += r.runs;
        const QString file = QFileInfo(QString::fromStdString(r.path)).fileName();
        for (Diagnostic d : r.diagnostics) {
            d.pointer = d.line > 0 ? QStringLiteral("%1:%2").arg(file).arg(d.line).toStdString() : file.toStdString();
            issues.push_back(std::move(d));
        }
        if (r.skippedRows > r.diagnostics.size())
            issues.push_back(makeDiagnostic(Severity::Warning, "bench.skipped",
                                            std::to_string(r.skippedRows) + " bad rows skipped in all", file.toStdString()));
    }
    if (m_importer->wasCancelled()) {
        emit message(tr("Import cancelled; nothing was added"));
        emit importFinished();
        return;
    }
    std::vector<ImportBatch> all = m_replacing ? std::vector<ImportBatch>{} : imports();
    all.insert(all.end(), m_pending.begin(), m_pending.end());
    if (!m_replacing) {
        QStringList imported;
        for (const bench::FileReport &r : m_importer->reports()) {
            if (!r.failed)
                imported << QFileInfo(QString::fromStdString(r.path)).absoluteFilePath();
        }
        Settings().addRecentBenchmarkFiles(imported); // the recent menu follows the settings
    }
    m_issues->setDiagnostics(issues);
    m_runs->setTable(m_importer->result());
    m_imports->setImports(std::move(all));
    m_sloPanel->rescore();
    m_runsPanel->view()->resizeColumnsToContents();
    emit message(tr("Imported %1 from %2").arg(runCount(runs), fileCount(static_cast<qsizetype>(m_importer->reports().size()))));
    emit importFinished();
}

void BenchmarksTab::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void BenchmarksTab::dropEvent(QDropEvent *event)
{
    const QStringList paths = droppedFiles(event->mimeData());
    if (!paths.isEmpty()) {
        importFiles(paths);
        event->acceptProposedAction();
    }
}

} // namespace quantcfg::ui
