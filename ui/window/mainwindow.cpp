#include "ui/window/mainwindow.h"

#include "core/engines/profile.h"
#include "core/presets.h"
#include "core/schema.h"
#include "ui/benchmarks/benchmarkstab.h"
#include "ui/state/configanalysis.h"
#include "ui/state/configdocument.h"
#include "ui/config/configform.h"
#include "ui/config/diagnosticsmodel.h"
#include "ui/window/documentfiles.h"
#include "ui/config/enginepane.h"
#include "ui/window/filedroprouter.h"
#include "ui/config/jsoneditortab.h"
#include "ui/window/lazypages.h"
#include "ui/fit/memoryfitpanel.h"
#include "ui/config/presetpanel.h"
#include "ui/config/savepresetdialog.h"
#include "ui/state/settings.h"
#include "ui/window/startoptions.h"
#include "ui/window/startupprobe.h"
#include "ui/state/studiosession.h"
#include "ui/shared/wheelguard.h"
#include "ui/window/targetgpupicker.h"

#include <algorithm>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace quantcfg::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_settings(std::make_unique<Settings>())
    , m_session(new StudioSession(this))
    , m_document(new ConfigDocument(this))
    , m_analysis(new ConfigAnalysis(m_document, m_session, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    // Files dragged onto a text field go to the page that takes them (it asks first).
    qApp->installEventFilter(new FileDropRouter(this));
    // Before any page is built: controls polished from now on take the wheel only when focused.
    qApp->installEventFilter(new WheelGuard(this));
    buildLayout();
    m_files = new DocumentFiles(m_document, m_analysis, m_json, this);
    connect(m_files, &DocumentFiles::message, this, &MainWindow::showStatus);
    connect(m_files, &DocumentFiles::showJsonText, this, [this] {
        m_tabs->setCurrentWidget(m_json);
        m_json->editor()->setFocus();
    });
    connect(m_files, &DocumentFiles::documentReplaced, this, [this](const QString &preset) {
        if (preset.isEmpty())
            m_presets->selectPreset({});
        else
            reloadPresets(preset); // New: user presets may have changed on disk
    });
    buildActions();

    connect(m_analysis, &ConfigAnalysis::updated, this, &MainWindow::onAnalysisUpdated);
    connect(m_analysis, &ConfigAnalysis::mappingInputsChanged, this, [this] { reloadPresets(); });
    connect(m_document, &ConfigDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ConfigDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_presets, &PresetPanel::presetChosen, this, &MainWindow::onPresetChosen);
    connect(m_presets, &PresetPanel::saveAsPresetRequested, this, &MainWindow::saveAsPreset);
    connect(m_diagnosticsView, &QTreeView::activated, this, [this](const QModelIndex &index) {
        revealField(index.data(DiagnosticsModel::PointerRole).toString());
    });
    connect(m_diagnosticsView, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        revealField(index.data(DiagnosticsModel::PointerRole).toString());
    });

    restoreSettings();
    m_files->newDocument(); // universal-fp8, the design's safe default

    connect(m_analysis, &ConfigAnalysis::engineVersionSwitched, this,
            [this](const QString &, const QString &summary) { statusBar()->showMessage(summary, 15000); });
}

MainWindow::~MainWindow() = default;

void MainWindow::buildLayout()
{
    m_presets = new PresetPanel(this);
    m_presets->followDocument(m_document);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("ConfigTabs"));
    m_form = new ConfigForm(m_document, m_analysis, Schema::unifiedConfig(), m_tabs);
    m_json = new JsonEditorTab(m_document, m_tabs);
    m_tabs->addTab(m_form, tr("F&orm"));
    m_tabs->addTab(m_json, tr("&JSON"));
    m_tabs->setAccessibleName(tr("Configuration"));

    auto *diagnosticsPanel = new QWidget(this);
    m_diagnosticsTitle = new QLabel(diagnosticsPanel);
    QFont bold = m_diagnosticsTitle->font();
    bold.setBold(true);
    m_diagnosticsTitle->setFont(bold);
    m_diagnostics = new DiagnosticsModel(this);
    m_diagnosticsView = new QTreeView(diagnosticsPanel);
    m_diagnosticsView->setObjectName(QStringLiteral("Diagnostics"));
    m_diagnostics->attachView(m_diagnosticsView);
    m_diagnosticsView->setAlternatingRowColors(true);
    m_diagnosticsView->setAccessibleName(tr("Diagnostics"));
    m_diagnosticsView->setToolTip(tr("Click an entry to go to its field; Ctrl+C copies the selected entries"));
    m_diagnosticsTitle->setBuddy(m_diagnosticsView);
    auto *diagnosticsLayout = new QVBoxLayout(diagnosticsPanel);
    diagnosticsLayout->setContentsMargins(0, 0, 0, 0);
    diagnosticsLayout->addWidget(m_diagnosticsTitle);
    diagnosticsLayout->addWidget(m_diagnosticsView, 1);

    m_topSplitter = new QSplitter(Qt::Horizontal, this);
    m_topSplitter->addWidget(m_presets);
    m_topSplitter->addWidget(m_tabs);
    m_topSplitter->addWidget(diagnosticsPanel);
    m_topSplitter->setStretchFactor(0, 2);
    m_topSplitter->setStretchFactor(1, 4);
    m_topSplitter->setStretchFactor(2, 3);

    QHash<QString, QString> engineNames;
    m_engineSplitter = new QSplitter(Qt::Horizontal, this);
    for (const std::string &engine : m_analysis->engines()) {
        auto *pane = new EnginePane(engine, m_engineSplitter);
        std::vector<std::pair<std::string, std::string>> versions;
        for (const EngineProfile *p : ProfileRegistry::builtIn().versions(engine)) {
            // "main 2026-08-21 (≈ v0.29-dev)": the label says which release a main snapshot is near.
            versions.emplace_back(p->version(), p->versionLabel() + (p->isDefault() ? tr(" · default").toStdString() : std::string()));
            engineNames.insert(QString::fromStdString(engine), QString::fromStdString(p->displayName()));
        }
        pane->setVersions(versions);
        // Each pane scrolls within its room: a pane's content (a long command, a file, many notes)
        // never makes the window taller than the screen.
        auto *room = new QScrollArea(m_engineSplitter);
        room->setObjectName(QStringLiteral("EngineRoom:") + QString::fromStdString(engine));
        room->setFrameShape(QFrame::NoFrame);
        room->setWidgetResizable(true);
        room->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        room->setWidget(pane);
        m_engineSplitter->addWidget(room);
        m_panes.push_back(pane);
        connect(pane, &EnginePane::versionChosen, m_session,
                [this](const QString &e, const QString &version) { m_session->setEngineVersion(e.toStdString(), version.toStdString()); });
        connect(pane, &EnginePane::multiLineToggled, this, &MainWindow::setMultiLine);
        connect(pane, &EnginePane::exportScriptRequested, this, [this](const QString &e) { m_files->exportScriptInteractive(e); });
        connect(pane, &EnginePane::exportDeploymentRequested, this,
                [this](const QString &e, const QString &target) { m_files->exportDeploymentInteractive(e, target); });
        connect(pane, &EnginePane::saveFileRequested, this, [this](const QString &e) { m_files->saveExtraFileInteractive(e); });
        connect(pane, &EnginePane::message, this, &MainWindow::showStatus);
    }
    m_diagnostics->setEngineNames(engineNames);

    m_mainSplitter = new QSplitter(Qt::Vertical, this);
    m_mainSplitter->addWidget(m_topSplitter);
    m_mainSplitter->addWidget(m_engineSplitter);
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setChildrenCollapsible(false);
    buildPages(); // the configuration editor is the first of the window's tabs

    m_timing = new QLabel(this);
    m_timing->setObjectName(QStringLiteral("timingLabel"));
    statusBar()->addPermanentWidget(m_timing);
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("MainToolbar"));
    toolbar->setMovable(false);

    const auto add = [this](QMenu *menu, const QString &text, QKeySequence::StandardKey key, auto slot) {
        QAction *action = menu->addAction(text);
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    QAction *newAction = m_files->newAction();
    QAction *openAction = m_files->openAction();
    QAction *saveAction = m_files->saveAction();
    file->addAction(newAction);
    file->addAction(openAction);
    file->addMenu(m_files->recentMenu());
    file->addAction(saveAction);
    file->addAction(m_files->saveAsAction());
    file->addSeparator();
    QMenu *exportMenu = file->addMenu(tr("&Export Launch Script"));
    for (EnginePane *pane : m_panes) {
        const QString engine = QString::fromStdString(pane->engine());
        QAction *a = exportMenu->addAction(tr("%1…").arg(QString::fromStdString(ProfileRegistry::builtIn().find(pane->engine())->displayName())));
        connect(a, &QAction::triggered, m_files, [this, engine] { m_files->exportScriptInteractive(engine); });
    }
    file->addAction(tr("Export Auto&tuner Task…"), m_files, &DocumentFiles::exportAutotunerTaskInteractive);
    file->addAction(tr("Save as &Preset…"), this, &MainWindow::saveAsPreset);
    file->addSeparator();
    add(file, tr("&Quit"), QKeySequence::Quit, [this] { close(); });

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    // The menu says what would be undone ("Undo Load preset …"); the toolbar button keeps a short,
    // fixed label (the full text is its tooltip), so the Target GPU picker does not jump around.
    undo->setIconText(tr("Undo"));
    redo->setIconText(tr("Redo"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *filter = edit->addAction(tr("&Filter Presets"), this, [this] { m_presets->filterEdit()->setFocus(Qt::ShortcutFocusReason); });
    filter->setShortcut(QKeySequence::Find);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *formView = view->addAction(tr("&Form"), this, [this] { m_tabs->setCurrentWidget(m_form); });
    formView->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *jsonView = view->addAction(tr("&JSON"), this, [this] { m_tabs->setCurrentWidget(m_json); });
    jsonView->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    QAction *oneLine = view->addAction(tr("&One-Line Commands"));
    oneLine->setCheckable(true);
    oneLine->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(oneLine, &QAction::toggled, this, [this](bool on) { setMultiLine(!on); });
    m_oneLineAction = oneLine;
    // How long revalidating and remapping took: a developer's figure, so the status bar shows it
    // only on request.
    QAction *timings = view->addAction(tr("Show &Timings"));
    timings->setObjectName(QStringLiteral("showTimingsAction"));
    timings->setCheckable(true);
    timings->setChecked(m_settings->showTimings());
    m_timing->setVisible(timings->isChecked());
    connect(timings, &QAction::toggled, this, [this](bool on) {
        m_settings->setShowTimings(on);
        m_timing->setVisible(on);
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About quantcfg studio"), this, [this] {
        QMessageBox::about(this, tr("About quantcfg studio"),
                           tr("<b>quantcfg studio %1</b><p>One quantization configuration, correct launch commands for vLLM, "
                              "SGLang and TensorRT-LLM.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    toolbar->addAction(newAction);
    toolbar->addAction(openAction);
    toolbar->addAction(saveAction);
    toolbar->addSeparator();
    toolbar->addAction(undo);
    toolbar->addAction(redo);
    toolbar->addSeparator();
    auto *gpuLabel = new QLabel(tr("Target &GPU: "), toolbar);
    m_gpu = new TargetGpuPicker(m_session, toolbar);
    gpuLabel->setBuddy(m_gpu);
    toolbar->addWidget(gpuLabel);
    toolbar->addWidget(m_gpu);
}

void MainWindow::start(const StartOptions &options)
{
    installStartupProbe(this);
    if (!options.fitModel.isEmpty())
        memoryFitPanel()->loadModel(options.fitModel);
    if (!options.benchmarks.isEmpty()) {
        const bool overlaid = !options.benchmarksAfter.isEmpty();
        BenchmarksTab *bench = benchmarksTab();
        if (overlaid) {
            // One import at a time: the second starts when the first has finished.
            connect(
                bench, &BenchmarksTab::importFinished, this,
                [bench, after = options.benchmarksAfter] {
                    bench->importFiles(after, tr("after"));
                    bench->setOverlayShown(true);
                },
                Qt::SingleShotConnection);
        }
        bench->importFiles(options.benchmarks, overlaid ? tr("before") : QString());
    }
    if (options.page)
        m_pages->setCurrentIndex(static_cast<int>(*options.page));
    if (!options.file.isEmpty())
        m_files->openFile(options.file);
    show();
    // After show(): detection runs in another process and never delays the first paint.
    m_session->detectGpus();
    // Asked once the window is up, so the question has a window to belong to.
    QTimer::singleShot(0, m_files, [this] { m_files->offerRecovery(); });
}

void MainWindow::restoreSettings()
{
    const QByteArray geometry = m_settings->windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // 1280×800 where the screen has room for it and the window's frame; on a 1280×800 screen
        // the window keeps the frame's title bar on the screen (about 40 pixels, which Qt cannot
        // know before the window manager has framed it).
        QSize size(1280, 800);
        if (const QScreen *where = screen(); where && where->availableGeometry().height() <= size.height() + 40)
            size.setHeight(std::max(where->availableGeometry().height() - 40, 540));
        resize(size);
        m_topSplitter->setSizes({250, 560, 470});
        // The form gets what its essentials need in view; the panes the rest (their notes are as tall
        // as they are, and scroll where the room ends).
        m_mainSplitter->setSizes({370, 430});
    }
    restoreState(m_settings->windowState());
    for (auto [name, splitter] : {std::pair{QStringLiteral("main"), m_mainSplitter}, std::pair{QStringLiteral("top"), m_topSplitter},
                                  std::pair{QStringLiteral("engines"), m_engineSplitter}}) {
        const QByteArray state = m_settings->splitterState(name);
        if (!state.isEmpty())
            splitter->restoreState(state);
    }
    setMultiLine(m_settings->multiLineCommands());
}

void MainWindow::saveSettings()
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setSplitterState(QStringLiteral("main"), m_mainSplitter->saveState());
    m_settings->setSplitterState(QStringLiteral("top"), m_topSplitter->saveState());
    m_settings->setSplitterState(QStringLiteral("engines"), m_engineSplitter->saveState());
}

void MainWindow::reloadPresets(const QString &select)
{
    const PresetLibrary library = loadPresetLibrary();
    m_presets->showPresets(library.presets, *m_analysis);
    if (!select.isEmpty())
        m_presets->selectPreset(select);
    for (const Diagnostic &d : library.diagnostics)
        showStatus(tr("Preset %1: %2").arg(QString::fromStdString(d.value), QString::fromStdString(d.message)));
}

void MainWindow::onPresetChosen(int row)
{
    const Preset &preset = m_presets->model()->entry(row).preset;
    m_document->loadPreset(preset.document, QString::fromStdString(preset.name));
}

void MainWindow::onAnalysisUpdated()
{
    m_diagnostics->setDiagnostics(m_analysis->diagnostics());
    for (EnginePane *pane : m_panes) {
        if (const LaunchPlan *plan = m_analysis->plan(pane->engine()))
            pane->setPlan(*plan, m_session->targetGpu());
        pane->setDeployment(m_analysis->deployment(pane->engine()));
        pane->setCurrentVersion(m_analysis->engineVersion(pane->engine()));
        pane->setVersionPinned(m_analysis->isEngineVersionPinned(pane->engine()));
    }
    const Diagnostics &all = m_analysis->diagnostics();
    const int errors = countSeverity(all, Severity::Error);
    const int warnings = countSeverity(all, Severity::Warning);
    m_diagnosticsTitle->setText(all.empty() ? tr("&Diagnostics: none") : tr("&Diagnostics — errors: %1, warnings: %2, notes: %3")
                                                                             .arg(errors)
                                                                             .arg(warnings)
                                                                             .arg(static_cast<int>(all.size()) - errors - warnings));
    m_timing->setText(tr("Revalidated and remapped in %1 ms").arg(m_analysis->lastDurationMs(), 0, 'f', 1));
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — quantcfg studio").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::setMultiLine(bool multiLine)
{
    m_settings->setMultiLineCommands(multiLine);
    for (EnginePane *pane : m_panes)
        pane->setMultiLine(multiLine);
    const QSignalBlocker blocker(m_oneLineAction);
    m_oneLineAction->setChecked(!multiLine);
}

void MainWindow::showStatus(const QString &text)
{
    statusBar()->showMessage(text, 4000);
}

void MainWindow::revealField(const QString &pointer)
{
    const std::string p = pointer.toStdString();
    m_tabs->setCurrentWidget(m_form);
    if (m_form->focusField(p))
        return;
    // Unknown keys and whole sections have no form field: show them in the text.
    m_tabs->setCurrentWidget(m_json);
    m_json->revealPointer(p);
}

void MainWindow::saveAsPreset()
{
    const QString folder = QString::fromStdString(defaultUserPresetDir().string());
    QStringList builtIns;
    for (const Preset &p : builtInPresets())
        builtIns << QString::fromStdString(p.name);
    SavePresetDialog dialog(folder, builtIns, this);
    const Config &config = m_document->config();
    dialog.setName(QString::fromStdString(config.name.value_or(std::string())));
    dialog.setUseCase(QString::fromStdString(config.useCase.value_or(std::string())));
    if (dialog.exec() != QDialog::Accepted)
        return;
    Json doc = m_document->json();
    doc["name"] = dialog.name().toStdString();
    if (!dialog.useCase().isEmpty())
        doc["use_case"] = dialog.useCase().toStdString();
    if (const auto problem = saveUserPreset(defaultUserPresetDir(), dialog.name().toStdString(), doc)) {
        QMessageBox::critical(this, tr("Save Failed"), QString::fromStdString(problem->message));
        return;
    }
    reloadPresets(dialog.name());
    showStatus(tr("Saved preset %1").arg(dialog.name()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

namespace {

QString firstJsonFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1StringView(".json"), Qt::CaseInsensitive))
            return url.toLocalFile();
    }
    return {};
}

} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!firstJsonFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = firstJsonFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    m_files->openFile(path);
}

} // namespace quantcfg::ui
