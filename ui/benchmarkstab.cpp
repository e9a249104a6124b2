#include "ui/benchmarkstab.h"

#include "ui/charts/benchmarkchart.h"
#include "ui/counts.h"
#include "ui/diagnosticsmodel.h"
#include "ui/resulttablemodel.h"
#include "ui/settings.h"
#include "ui/sloeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace quantcfg::ui {

using charts::BenchmarkChart;

namespace {

enum ImportsColumn { NameCol, EngineCol, PresetCol, VersionCol, FilesCol, ImportsColumnCount };

// The chart tabs by the name Settings keeps them under.
const char *const kChartNames[] = {"bars", "lines", "scatter"};

QLineEdit *labelField(const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(placeholder);
    edit->setMaximumWidth(140);
    return edit;
}

} // namespace

BenchmarksTab::BenchmarksTab(QWidget *parent)
    : QWidget(parent)
    , m_importer(new BenchmarkImporter(this))
    , m_runs(new ResultTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_importsModel(new QStandardItemModel(0, ImportsColumnCount, this))
    , m_issues(new DiagnosticsModel(this))
{
    setObjectName(QStringLiteral("BenchmarksTab"));
    setAcceptDrops(true);
    m_proxy->setSourceModel(m_runs);
    m_proxy->setSortRole(ResultTableModel::ValueRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_importer, &BenchmarkImporter::finished, this, &BenchmarksTab::onImportFinished);

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Benchmark runs"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // no sort until asked: a million rows
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter runs (engine, preset, import, …)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter runs"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_importsView = new QTableView(this);
    m_importsView->setModel(m_importsModel);
    m_importsView->setAccessibleName(tr("Imports"));
    m_importsView->setToolTip(tr("Edit an import's name, engine, preset or version to relabel its runs; engine, preset and "
                                 "version go only to runs whose files lack them"));
    m_importsView->horizontalHeader()->setStretchLastSection(true);
    m_importsView->verticalHeader()->hide();
    m_importsModel->setHorizontalHeaderLabels({tr("Import"), tr("Engine"), tr("Preset"), tr("Version"), tr("Files")});
    connect(m_importsModel, &QStandardItemModel::itemChanged, this, [this](QStandardItem *item) {
        const int row = item->row();
        if (m_fillingImports || row < 0 || static_cast<std::size_t>(row) >= m_batches.size() || item->column() == FilesCol)
            return;
        ImportBatch batch = m_batches[static_cast<std::size_t>(row)];
        QString *field[] = {&batch.name, &batch.engine, &batch.preset, &batch.version};
        if (*field[item->column()] == item->text())
            return;
        *field[item->column()] = item->column() == NameCol ? uniqueImportName(item->text(), row) : item->text();
        relabel(row, batch);
    });

    m_issuesView = new QTreeView(this);
    m_issues->attachView(m_issuesView);
    m_issuesView->setAccessibleName(tr("Import issues"));
    m_issuesView->header()->hideSection(DiagnosticsModel::SourceColumn);

    m_slo = new SloEditor(this);
    connect(m_slo, &SloEditor::changed, this, &BenchmarksTab::rescore);
    m_best = new QLabel(this);
    m_best->setWordWrap(true);

    auto *tableArea = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableArea);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_filter);
    tableLayout->addWidget(m_table, 1);

    // The side panel is a tab widget so its height never squeezes the charts below it.
    auto *side = new QTabWidget(this);
    side->setDocumentMode(true);
    auto *sloPage = new QWidget(side);
    auto *sloLayout = new QVBoxLayout(sloPage);
    sloLayout->addWidget(m_slo);
    sloLayout->addWidget(m_best);
    sloLayout->addStretch(1);
    side->addTab(sloPage, tr("SLO and ranking"));
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
    top->addWidget(tableArea);
    top->addWidget(side);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);
    auto *main = new QSplitter(Qt::Vertical, this);
    main->addWidget(top);
    main->addWidget(buildChartArea());
    main->setStretchFactor(0, 2);
    main->setStretchFactor(1, 3);
    main->setSizes({280, 420}); // the charts are what this tab is for
    main->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildImportBar());
    layout->addWidget(main, 1);
    updateCharts();
    // Back as it was left, with its recent files offered (nothing is imported).
    restoreView();
    connect(m_settings, &Settings::recentBenchmarkFilesChanged, this, &BenchmarksTab::refreshRecentMenu);
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
    m_recentMenu = new QMenu(tr("Recent benchmark files"), recentButton);
    recentButton->setMenu(m_recentMenu);
    refreshRecentMenu();
    auto *clearButton = new QPushButton(tr("Clear"), bar);
    connect(clearButton, &QPushButton::clicked, this, &BenchmarksTab::clear);
    m_name = labelField(tr("import name"), bar);
    m_engine = labelField(tr("engine"), bar);
    m_preset = labelField(tr("preset"), bar);
    m_version = labelField(tr("engine version"), bar);
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

QWidget *BenchmarksTab::buildChartArea()
{
    auto *area = new QWidget(this);
    auto *pickers = new QHBoxLayout;
    const auto add = [&](const QString &text, QComboBox *combo) {
        auto *label = new QLabel(text, area);
        label->setBuddy(combo);
        combo->setAccessibleName(text);
        pickers->addWidget(label);
        pickers->addWidget(combo);
        pickers->addSpacing(8);
        connect(combo, &QComboBox::currentIndexChanged, this, &BenchmarksTab::updateCharts);
    };
    m_metric = new QComboBox(area);
    for (int column : ResultTableModel::metricColumns())
        m_metric->addItem(ResultTableModel::columnTitle(column), column);
    m_statistic = new QComboBox(area);
    for (const char *stat : {"mean", "median", "p90", "p99"})
        m_statistic->addItem(QLatin1String(stat), QLatin1String(stat));
    m_load = new QComboBox(area);
    m_load->addItem(tr("Concurrency"), int(ResultTableModel::ConcurrencyColumn));
    m_load->addItem(tr("Request rate"), int(ResultTableModel::RequestRateColumn));
    m_latency = new QComboBox(area);
    for (int column : {ResultTableModel::TtftColumn, ResultTableModel::TpotColumn, ResultTableModel::ItlColumn, ResultTableModel::E2eColumn})
        m_latency->addItem(ResultTableModel::columnTitle(column), column);
    m_latency->setCurrentIndex(3);
    add(tr("Met&ric:"), m_metric);
    add(tr("&Statistic:"), m_statistic);
    add(tr("L&oad axis:"), m_load);
    add(tr("&Latency axis:"), m_latency);
    pickers->addStretch(1);

    m_chartTabs = new QTabWidget(area);
    const std::pair<BenchmarkChart::Kind, QString> kinds[] = {{BenchmarkChart::Kind::Bars, tr("Per preset and engine")},
                                                              {BenchmarkChart::Kind::Lines, tr("Against load")},
                                                              {BenchmarkChart::Kind::Scatter, tr("Throughput vs latency")}};
    for (const auto &[kind, title] : kinds) {
        auto *chart = new BenchmarkChart(kind, m_chartTabs);
        chart->setModel(m_proxy);
        m_charts.push_back(chart);
        m_chartTabs->addTab(chart, title);
    }
    connect(m_chartTabs, &QTabWidget::currentChanged, this, &BenchmarksTab::saveView);
    m_chartTabs->setCornerWidget(buildChartCorner(m_chartTabs), Qt::TopRightCorner);
    auto *layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(pickers);
    layout->addWidget(m_chartTabs, 1);
    return area;
}

// Beside the chart tabs, where that row has room (so the pickers fit a 1280-pixel window): the
// overlay's box with its two imports, and the export button.
QWidget *BenchmarksTab::buildChartCorner(QWidget *parent)
{
    auto *corner = new QWidget(parent);
    auto *row = new QHBoxLayout(corner);
    row->setContentsMargins(0, 0, 0, 2);
    m_overlay = new QCheckBox(tr("Overl&ay"), corner);
    m_overlay->setToolTip(tr("Draw only the runs of two imports, the \"after\" one dashed, hatched or hollow"));
    m_overlay->setEnabled(false); // until there are two imports
    m_before = new QComboBox(corner);
    m_after = new QComboBox(corner);
    for (QComboBox *combo : {m_before, m_after}) {
        // File names can be long: the combo stays compact and its list shows them whole.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(16);
        combo->setEnabled(false);
        connect(combo, &QComboBox::currentIndexChanged, this, &BenchmarksTab::updateCharts);
    }
    m_before->setAccessibleName(tr("Before import"));
    m_after->setAccessibleName(tr("After import"));
    m_before->setToolTip(tr("Before: the import drawn solid"));
    m_after->setToolTip(tr("After: the import drawn dashed, hatched or hollow"));
    connect(m_overlay, &QCheckBox::toggled, this, [this](bool on) {
        m_before->setEnabled(on);
        m_after->setEnabled(on);
        updateCharts();
    });
    auto *versus = new QLabel(tr("→"), corner);
    versus->setAccessibleName(tr("compared with"));
    auto *exportButton = new QPushButton(tr("E&xport chart…"), corner);
    exportButton->setToolTip(tr("PNG or SVG, by the file name's suffix"));
    connect(exportButton, &QPushButton::clicked, this, &BenchmarksTab::exportInteractive);
    for (QWidget *w : std::initializer_list<QWidget *>{m_overlay, m_before, versus, m_after})
        row->addWidget(w);
    row->addSpacing(16);
    row->addWidget(exportButton);
    return corner;
}

charts::BenchmarkChart *BenchmarksTab::chart(int kind) const
{
    return m_charts.at(static_cast<std::size_t>(kind));
}

QLineEdit *BenchmarksTab::labelEdit(const char *key) const
{
    const std::string_view k = key;
    return k == "import" ? m_name : k == "engine" ? m_engine : k == "preset" ? m_preset : m_version;
}

void BenchmarksTab::updateCharts()
{
    const QString stat = m_statistic->currentData().toString();
    m_runs->setStatistic(stat);
    m_slo->setStatistic(stat);
    const int metric = m_metric->currentData().toInt();
    const int latency = m_latency->currentData().toInt();
    chart(0)->setMetricColumn(metric);
    chart(1)->setMetricColumn(metric);
    chart(1)->setXColumn(m_load->currentData().toInt());
    chart(2)->setMetricColumn(latency);
    chart(2)->setXColumn(ResultTableModel::ThroughputColumn);
    const charts::Overlay shown = overlay();
    for (BenchmarkChart *c : m_charts)
        c->setOverlay(shown);
    saveView();
}

charts::Overlay BenchmarksTab::overlay() const
{
    const auto nameAt = [this](const QComboBox *combo) {
        const int index = combo->currentData().isValid() ? combo->currentData().toInt() : -1;
        return index >= 0 && static_cast<std::size_t>(index) < m_batches.size() ? m_batches[static_cast<std::size_t>(index)].name : QString();
    };
    return m_overlay->isChecked() ? charts::Overlay{nameAt(m_before), nameAt(m_after)} : charts::Overlay{};
}

void BenchmarksTab::rescore()
{
    const bench::SloSpec slo = m_slo->slo();
    std::vector<charts::SloLine> lines;
    for (const bench::SloLimit &l : slo.limits) {
        const int column = l.metric == "ttft" ? ResultTableModel::TtftColumn
                           : l.metric == "tpot" ? ResultTableModel::TpotColumn
                                                : ResultTableModel::MemoryColumn;
        lines.push_back({column, l.threshold,
                         column == ResultTableModel::MemoryColumn ? tr("SLO: memory ≤ %1 GB").arg(l.threshold)
                                                                  : tr("SLO: %1 %2 ≤ %3 ms").arg(QString::fromStdString(l.name).toUpper(),
                                                                                                  QString::fromStdString(l.statistic))
                                                                        .arg(l.threshold)});
    }
    for (BenchmarkChart *c : m_charts)
        c->setSloLines(lines);
    saveView();
    if (!m_runs->table()) {
        m_best->setText(tr("Import results to rank them."));
        return;
    }
    const bench::Ranking ranking = bench::rankRuns(*m_runs->table(), slo, m_slo->objective());
    m_runs->setRanking(ranking);
    int meeting = 0;
    for (const bench::ScoredRun &s : ranking.runs)
        meeting += s.meetsSlo ? 1 : 0;
    m_best->setText(ranking.best ? tr("Best run meeting the SLO (%1 of %2 meet it): %3")
                                       .arg(meeting)
                                       .arg(ranking.runs.size())
                                       .arg(m_runs->index(static_cast<int>(ranking.runs[*ranking.best].run), 0).data(ResultTableModel::LabelRole).toString())
                                 : tr("No run meets every SLO limit (%1).").arg(runCount(static_cast<qsizetype>(ranking.runs.size()))));
}

bool BenchmarksTab::isImporting() const
{
    return m_importer->isRunning();
}

void BenchmarksTab::importFiles(const QStringList &paths)
{
    ImportBatch batch;
    batch.name = m_name->text().trimmed();
    if (batch.name.isEmpty())
        batch.name = tr("import %1").arg(++m_importCounter);
    batch.name = uniqueImportName(batch.name, -1);
    batch.paths = paths;
    batch.engine = m_engine->text();
    batch.preset = m_preset->text();
    batch.version = m_version->text();
    m_name->clear();
    startImport({batch}, false);
}

// The overlay and the runs' "import" label tell imports apart by name, so no two may share one:
// a taken name gets " (2)", " (3)", ….
QString BenchmarksTab::uniqueImportName(const QString &name, int except) const
{
    const auto taken = [this, except](const QString &candidate) {
        for (std::size_t i = 0; i < m_batches.size(); ++i) {
            if (static_cast<int>(i) != except && m_batches[i].name == candidate)
                return true;
        }
        return false;
    };
    QString unique = name.trimmed();
    for (int n = 2; taken(unique); ++n)
        unique = tr("%1 (%2)").arg(name.trimmed()).arg(n);
    return unique;
}

void BenchmarksTab::relabel(int index, const ImportBatch &batch)
{
    std::vector<ImportBatch> all = m_batches;
    all.at(static_cast<std::size_t>(index)) = batch;
    startImport(std::move(all), true);
}

void BenchmarksTab::cancelImport()
{
    m_importer->cancel();
}

void BenchmarksTab::clear()
{
    m_batches.clear();
    m_overlay->setChecked(false);
    m_runs->setTable(nullptr);
    m_issues->setDiagnostics({});
    refreshImportsModel();
    rescore();
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
    m_progress = new QProgressDialog(tr("Importing benchmark results…"), tr("Cancel"), 0, 1000, this);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, m_importer, &BenchmarkImporter::cancel);
    connect(m_importer, &BenchmarkImporter::progress, m_progress, [this](qint64 done, qint64 total) {
        if (m_progress && total > 0)
            m_progress->setValue(static_cast<int>(1000 * done / total));
    });
}

void BenchmarksTab::onImportFinished()
{
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
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
    if (m_replacing) {
        m_batches = m_pending;
    } else {
        m_batches.insert(m_batches.end(), m_pending.begin(), m_pending.end());
        QStringList imported;
        for (const bench::FileReport &r : m_importer->reports()) {
            if (!r.failed)
                imported << QFileInfo(QString::fromStdString(r.path)).absoluteFilePath();
        }
        m_settings->addRecentBenchmarkFiles(imported); // the menu follows the settings' signal
    }
    m_issues->setDiagnostics(issues);
    m_runs->setTable(m_importer->result());
    refreshImportsModel();
    rescore();
    m_table->resizeColumnsToContents();
    emit message(tr("Imported %1 from %2").arg(runCount(runs), fileCount(static_cast<qsizetype>(m_importer->reports().size()))));
    emit importFinished();
}

void BenchmarksTab::refreshImportsModel()
{
    m_fillingImports = true;
    m_importsModel->setRowCount(0);
    for (const ImportBatch &b : m_batches) {
        QStringList names;
        for (const QString &p : b.paths)
            names << QFileInfo(p).fileName();
        QList<QStandardItem *> row;
        for (const QString &text : {b.name, b.engine, b.preset, b.version})
            row << new QStandardItem(text);
        auto *files = new QStandardItem(names.join(QLatin1String(", ")));
        files->setEditable(false);
        files->setToolTip(b.paths.join(QLatin1Char('\n')));
        row << files;
        m_importsModel->appendRow(row);
    }
    m_fillingImports = false;
    m_importsView->resizeColumnsToContents();
    refreshOverlayPickers();
}

// Lists the imports by file name in both overlay pickers, keeping the chosen ones while they
// exist; otherwise the first import is "before" and the second "after".
void BenchmarksTab::refreshOverlayPickers()
{
    const int before = m_before->currentIndex(), after = m_after->currentIndex();
    for (QComboBox *combo : {m_before, m_after}) {
        const QSignalBlocker block(combo);
        combo->clear();
        for (std::size_t i = 0; i < m_batches.size(); ++i) {
            const ImportBatch &b = m_batches[i];
            const QString first = QFileInfo(b.paths.value(0)).fileName();
            const QString files = b.paths.size() > 1 ? tr("%1 +%2 more").arg(first).arg(b.paths.size() - 1) : first;
            // The name first: it is what the legend shows ("vllm [after]"), and a narrow combo keeps it.
            combo->addItem(tr("%1 · %2").arg(b.name, files), static_cast<int>(i));
            combo->setItemData(combo->count() - 1, b.paths.join(QLatin1Char('\n')), Qt::ToolTipRole);
        }
    }
    const int count = static_cast<int>(m_batches.size());
    const int newBefore = before >= 0 && before < count ? before : 0;
    const int newAfter = after >= 0 && after < count ? after : (newBefore == 0 ? 1 : 0);
    {
        const QSignalBlocker blockBefore(m_before), blockAfter(m_after);
        m_before->setCurrentIndex(count > 0 ? newBefore : -1);
        m_after->setCurrentIndex(count > 1 ? newAfter : -1);
    }
    m_overlay->setEnabled(count >= 2 || m_overlay->isChecked());
    updateCharts();
}

void BenchmarksTab::refreshRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_settings->recentBenchmarkFiles();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction *action = m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setToolTip(path);
        action->setData(path);
        connect(action, &QAction::triggered, this, [this, path] { importRecent(path); });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent benchmark files"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear list"), this, [this] { m_settings->clearRecentBenchmarkFiles(); });
}

void BenchmarksTab::importRecent(const QString &path)
{
    if (QFileInfo::exists(path)) {
        importFiles({path});
        return;
    }
    emit message(tr("%1 no longer exists; it is taken off the recent files").arg(QDir::toNativeSeparators(path)));
    m_settings->removeRecentBenchmarkFile(path);
}

void BenchmarksTab::restoreView()
{
    const BenchmarkView v = m_settings->benchmarkView();
    m_restoring = true;
    const auto choose = [](QComboBox *combo, const QVariant &value) {
        if (const int index = combo->findData(value); index >= 0)
            combo->setCurrentIndex(index);
    };
    const auto columnOf = [](const QString &metric) {
        for (int column : ResultTableModel::metricColumns()) {
            if (ResultTableModel::metricOf(column) == metric)
                return column;
        }
        return -1;
    };
    for (int i = 0; i < m_chartTabs->count(); ++i) {
        if (v.chart == QLatin1String(kChartNames[i]))
            m_chartTabs->setCurrentIndex(i);
    }
    choose(m_metric, columnOf(v.metric));
    choose(m_statistic, v.statistic);
    choose(m_load, v.loadAxis == QLatin1String("request_rate") ? int(ResultTableModel::RequestRateColumn)
                   : v.loadAxis == QLatin1String("concurrency") ? int(ResultTableModel::ConcurrencyColumn)
                                                                 : -1);
    choose(m_latency, columnOf(v.latencyAxis));
    if (const auto objective = bench::objectiveFromName(v.objective.toStdString()))
        m_slo->setObjective(*objective);
    for (auto [limit, saved] : {std::pair{SloEditor::Ttft, v.ttft}, std::pair{SloEditor::Tpot, v.tpot}, std::pair{SloEditor::Memory, v.memory}}) {
        if (saved.threshold > 0) {
            m_slo->setLimit(limit, saved.threshold); // enables it and sets the value, kept while off
            m_slo->setLimit(limit, saved.enabled ? saved.threshold : -1);
        }
    }
    m_restoring = false;
    saveView();
}

void BenchmarksTab::saveView()
{
    if (m_restoring)
        return;
    BenchmarkView v;
    v.chart = QLatin1String(kChartNames[std::max(0, m_chartTabs->currentIndex())]);
    v.metric = ResultTableModel::metricOf(m_metric->currentData().toInt());
    v.statistic = m_statistic->currentData().toString();
    v.loadAxis = m_load->currentData().toInt() == ResultTableModel::RequestRateColumn ? QStringLiteral("request_rate")
                                                                                      : QStringLiteral("concurrency");
    v.latencyAxis = ResultTableModel::metricOf(m_latency->currentData().toInt());
    v.objective = QLatin1String(bench::objectiveName(m_slo->objective()));
    for (auto [limit, saved] : {std::pair{SloEditor::Ttft, &v.ttft}, std::pair{SloEditor::Tpot, &v.tpot}, std::pair{SloEditor::Memory, &v.memory}})
        *saved = {m_slo->isLimitEnabled(limit), m_slo->threshold(limit)};
    m_settings->setBenchmarkView(v);
}

bool BenchmarksTab::exportChart(const QString &path, QString *error) const
{
    const auto *c = static_cast<const BenchmarkChart *>(m_chartTabs->currentWidget());
    return path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ? c->exportSvg(path, error) : c->exportPng(path, error);
}

void BenchmarksTab::exportInteractive()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), QStringLiteral("chart.png"),
                                                      tr("PNG images (*.png);;SVG drawings (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportChart(path, &error))
        emit message(tr("Exported %1").arg(path));
    else
        QMessageBox::warning(this, tr("Export failed"), tr("Could not export the chart: %1").arg(error));
}

namespace {

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
