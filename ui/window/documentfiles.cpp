#include "ui/window/documentfiles.h"

#include "core/engines/autotuner.h"
#include "core/engines/deploy.h"
#include "core/engines/render.h"
#include "core/jsonio.h"
#include "core/presets.h"
#include "ui/state/configanalysis.h"
#include "ui/state/configdocument.h"
#include "ui/config/jsoneditortab.h"
#include "ui/state/settings.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QUndoStack>

namespace quantcfg::ui {

namespace {

DocumentFiles::RecoveryChoice askAboutRecovery(QWidget *parent, const Autosave::Recoverable &entry)
{
    const QString name = entry.originalPath.isEmpty() ? DocumentFiles::tr("an untitled configuration")
                                                      : QStringLiteral("“%1”").arg(QFileInfo(entry.originalPath).fileName());
    QMessageBox box(QMessageBox::Warning, DocumentFiles::tr("Recover Unsaved Changes"),
                    DocumentFiles::tr("quantcfg Studio did not close normally. Unsaved changes to %1, autosaved %2, can be recovered.")
                        .arg(name, QLocale().toString(entry.savedAt, QLocale::ShortFormat)),
                    QMessageBox::NoButton, parent);
    box.setInformativeText(entry.originalPath.isEmpty()
                               ? DocumentFiles::tr("Recover opens them as a new unsaved document. Discard deletes them.")
                               : DocumentFiles::tr("Recover opens %1 with the changes unsaved; Undo shows the file as it is on disk. "
                                                   "Discard deletes the changes.")
                                     .arg(QDir::toNativeSeparators(entry.originalPath)));
    QPushButton *recover = box.addButton(DocumentFiles::tr("&Recover"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(DocumentFiles::tr("&Discard"), QMessageBox::DestructiveRole);
    box.addButton(DocumentFiles::tr("Decide &Later"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.exec();
    if (box.clickedButton() == recover)
        return DocumentFiles::RecoveryChoice::Recover;
    if (box.clickedButton() == discard)
        return DocumentFiles::RecoveryChoice::Discard;
    return DocumentFiles::RecoveryChoice::Later;
}

DocumentFiles::Naming askForName(QWidget *parent, const QString &presetName, const DocumentFiles::Naming &suggested)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(DocumentFiles::tr("Name the Configuration"));
    auto *layout = new QFormLayout(&dialog);
    auto *intro = new QLabel(DocumentFiles::tr("This configuration was changed from preset %1 but still carries its name and "
                                               "description. Give it its own, so the file does not pass for the preset.")
                                 .arg(presetName),
                             &dialog);
    intro->setWordWrap(true);
    layout->addRow(intro);
    auto *name = new QLineEdit(suggested.name, &dialog);
    auto *description = new QLineEdit(suggested.description, &dialog);
    layout->addRow(DocumentFiles::tr("&Name:"), name);
    layout->addRow(DocumentFiles::tr("&Description:"), description);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    layout->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QObject::connect(name, &QLineEdit::textChanged, buttons,
                     [buttons](const QString &text) { buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty()); });
    name->selectAll();
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return {name->text().trimmed(), description->text().trimmed()};
}

} // namespace

DocumentFiles::DocumentFiles(ConfigDocument *document, ConfigAnalysis *analysis, JsonEditorTab *json, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_analysis(analysis)
    , m_json(json)
    , m_window(window)
    , m_settings(new Settings(this))
    , m_autosave(new Autosave(document, Autosave::defaultDirectory(), this))
    , m_new(new QAction(tr("&New"), this))
    , m_open(new QAction(tr("&Open…"), this))
    , m_save(new QAction(tr("&Save"), this))
    , m_saveAs(new QAction(tr("Save &As…"), this))
    , m_recentMenu(new QMenu(tr("Open &Recent"), window))
{
    m_new->setShortcut(QKeySequence::New);
    m_open->setShortcut(QKeySequence::Open);
    m_save->setShortcut(QKeySequence::Save);
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    connect(m_new, &QAction::triggered, this, [this] { newDocument(); });
    connect(m_open, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Configuration"), dialogDirectory(), tr("JSON files (*.json);;All files (*)"));
        if (!path.isEmpty())
            openFile(path);
    });
    connect(m_save, &QAction::triggered, this, [this] { save(); });
    connect(m_saveAs, &QAction::triggered, this, [this] { saveAs(); });
    connect(m_settings, &Settings::recentFilesChanged, this, &DocumentFiles::updateRecentMenu);
    connect(m_autosave, &Autosave::failed, this, &DocumentFiles::message);
    updateRecentMenu();
}

void DocumentFiles::setUnsavedChangesPrompt(UnsavedChangesPrompt prompt)
{
    m_prompt = std::move(prompt);
}

void DocumentFiles::setUnparsedTextPrompt(UnparsedTextPrompt prompt)
{
    m_unparsedPrompt = std::move(prompt);
}

void DocumentFiles::setSaveFileChooser(SaveFileChooser chooser)
{
    m_chooser = std::move(chooser);
}

void DocumentFiles::setFolderChooser(FolderChooser chooser)
{
    m_folderChooser = std::move(chooser);
}

void DocumentFiles::setNamingPrompt(NamingPrompt prompt)
{
    m_namingPrompt = std::move(prompt);
}

void DocumentFiles::setRecoveryPrompt(RecoveryPrompt prompt)
{
    m_recoveryPrompt = std::move(prompt);
}

QString DocumentFiles::dialogDirectory() const
{
    const QString path = m_document->filePath().isEmpty() ? m_settings->lastFile() : m_document->filePath();
    return path.isEmpty() ? QDir::homePath() : QFileInfo(path).absolutePath();
}

QString DocumentFiles::chooseSavePath(const QString &title, const QString &suggested, const QString &filter)
{
    return m_chooser ? m_chooser(title, suggested, filter) : QFileDialog::getSaveFileName(m_window, title, suggested, filter);
}

bool DocumentFiles::maybeSave()
{
    if (const QString error = m_json->errorText(); !error.isEmpty()) {
        // That text never reached the document: neither saving nor the autosave would keep it.
        const QMessageBox::StandardButton answer =
            m_unparsedPrompt ? m_unparsedPrompt(error)
                             : QMessageBox::warning(m_window, tr("JSON Text Does Not Parse"),
                                                    tr("The JSON tab holds text that does not parse, so it is not part of the "
                                                       "configuration and would be lost:\n%1\n\nDiscard that text?")
                                                        .arg(error),
                                                    QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            emit showJsonText();
            return false;
        }
    }
    if (!m_document->isModified())
        return true;
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    if (m_prompt) {
        answer = m_prompt(m_document->displayName());
    } else {
        answer = QMessageBox::warning(m_window, tr("Unsaved Changes"),
                                      tr("“%1” has unsaved changes. Save them first?").arg(m_document->displayName()),
                                      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    }
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool DocumentFiles::offerRecovery()
{
    for (const Autosave::Recoverable &entry : m_autosave->recoverable()) {
        if (!entry.error.isEmpty()) {
            const QString kept = m_autosave->setAside(entry);
            emit message(tr("An autosave could not be read (%1: %2); it was kept as %3")
                             .arg(QDir::toNativeSeparators(entry.autosavePath), entry.error, QDir::toNativeSeparators(kept)));
            continue;
        }
        const RecoveryChoice choice = m_recoveryPrompt ? m_recoveryPrompt(entry) : askAboutRecovery(m_window, entry);
        if (choice == RecoveryChoice::Discard) {
            m_autosave->discard(entry);
            continue;
        }
        if (choice == RecoveryChoice::Later || !maybeSave())
            continue;
        m_document->recover(entry.document, entry.originalPath);
        emit documentReplaced({});
        // The recovered work is this studio's autosave now; only then is the old copy removed.
        m_autosave->flush();
        m_autosave->discard(entry);
        emit message(tr("Recovered unsaved changes to %1").arg(m_document->displayName()));
        return true;
    }
    return false;
}

bool DocumentFiles::newDocument()
{
    if (!maybeSave())
        return false;
    const Preset preset = builtInPresets().front(); // universal-fp8, the design's safe default
    m_document->reset(preset.document);
    emit documentReplaced(QString::fromStdString(preset.name));
    return true;
}

bool DocumentFiles::openFile(const QString &path)
{
    if (!maybeSave())
        return false;
    QString error;
    if (!m_document->load(path, &error)) {
        QMessageBox::critical(m_window, tr("Open Failed"), tr("Could not open %1:\n%2").arg(QDir::toNativeSeparators(path), error));
        m_settings->removeRecentFile(path);
        return false;
    }
    emit documentReplaced({});
    rememberFile(path);
    emit message(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool DocumentFiles::save()
{
    return m_document->filePath().isEmpty() ? saveAs() : saveTo(m_document->filePath());
}

bool DocumentFiles::nameChangedPreset()
{
    const Json &doc = m_document->json();
    const std::string name = doc.is_object() && doc.contains("name") && doc["name"].is_string() ? doc["name"].get<std::string>() : std::string();
    const PresetLibrary library = loadPresetLibrary();
    const Preset *preset = name.empty() ? nullptr : library.find(name);
    if (!preset || preset->document == doc)
        return true; // not from a preset, or the preset itself
    const QString presetName = QString::fromStdString(name);
    const Naming suggested{tr("%1-custom").arg(presetName),
                           QString::fromStdString(m_document->config().description.value_or(std::string()))};
    const Naming chosen = m_namingPrompt ? m_namingPrompt(presetName, suggested) : askForName(m_window, presetName, suggested);
    if (chosen.name.isEmpty())
        return false;
    m_document->undoStack()->beginMacro(tr("Name the configuration %1").arg(chosen.name));
    m_document->setValueAsStep("/name", Json(chosen.name.toStdString()), {});
    if (!chosen.description.isEmpty())
        m_document->setValueAsStep("/description", Json(chosen.description.toStdString()), {});
    m_document->undoStack()->endMacro();
    return true;
}

bool DocumentFiles::saveAs()
{
    if (!nameChangedPreset())
        return false;
    const QString suggested = QDir(dialogDirectory()).filePath(m_document->filePath().isEmpty()
                                                                   ? QString::fromStdString(m_document->config().name.value_or("config")) + QLatin1StringView(".json")
                                                                   : QFileInfo(m_document->filePath()).fileName());
    const QString path = chooseSavePath(tr("Save Configuration"), suggested, tr("JSON files (*.json)"));
    return !path.isEmpty() && saveTo(path);
}

bool DocumentFiles::saveTo(const QString &path)
{
    QString error;
    if (!m_document->save(path, &error)) {
        QMessageBox::critical(m_window, tr("Save Failed"), tr("Could not save %1:\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    rememberFile(path);
    emit message(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool DocumentFiles::exportScript(const QString &engine, const QString &path)
{
    const LaunchPlan *plan = m_analysis->plan(engine.toStdString());
    return plan && !plan->argv.empty() && writeOutput(path, renderScript(*plan), true);
}

bool DocumentFiles::saveExtraFile(const QString &engine, const QString &path)
{
    const LaunchPlan *plan = m_analysis->plan(engine.toStdString());
    return plan && !plan->files.empty() && writeOutput(path, plan->files.front().content, false);
}

bool DocumentFiles::writeOutput(const QString &path, const std::string &content, bool executable)
{
    if (const auto problem = writeFileAtomic(path.toStdString(), content)) {
        QMessageBox::critical(m_window, tr("Save Failed"),
                              tr("Could not write %1:\n%2").arg(QDir::toNativeSeparators(path), QString::fromStdString(problem->message)));
        return false;
    }
    if (executable) {
        QFile file(path);
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther);
    }
    emit message(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void DocumentFiles::exportScriptInteractive(const QString &engine)
{
    const QString suggested = QDir(dialogDirectory()).filePath(QStringLiteral("launch-%1.sh").arg(engine));
    const QString path = chooseSavePath(tr("Export Launch Script"), suggested, tr("Shell scripts (*.sh)"));
    if (!path.isEmpty())
        exportScript(engine, path);
}

std::optional<Deployment> DocumentFiles::deploymentToExport(const QString &engine, const QString &target)
{
    const std::optional<DeployTarget> as = deployTargetFromName(target.toStdString());
    std::optional<Deployment> d = as ? m_analysis->deploymentAs(engine.toStdString(), *as) : std::nullopt;
    if (!d || !d->files.empty())
        return d;
    QStringList problems;
    for (const Diagnostic &diag : d->diagnostics)
        if (diag.severity == Severity::Error)
            problems << QString::fromStdString(diag.message);
    QMessageBox::warning(m_window, tr("Nothing to Export"),
                         tr("The %1 deployment cannot be written as %2:\n%3")
                             .arg(QString::fromStdString(d->plan.engineName), target, problems.join(QLatin1Char('\n'))));
    return std::nullopt;
}

bool DocumentFiles::writeDeployment(const Deployment &d, const QString &dir)
{
    std::vector<std::filesystem::path> written;
    if (const std::optional<Diagnostic> problem = writeDeploymentFiles(d, dir.toStdString(), &written)) {
        QMessageBox::critical(m_window, tr("Export Failed"), QString::fromStdString(problem->message));
        return false;
    }
    emit message(tr("Wrote %n file(s) to %1", nullptr, static_cast<int>(written.size())).arg(QDir::toNativeSeparators(dir)));
    return true;
}

bool DocumentFiles::exportDeployment(const QString &engine, const QString &target, const QString &dir)
{
    const std::optional<Deployment> d = deploymentToExport(engine, target);
    return d && writeDeployment(*d, dir);
}

void DocumentFiles::exportDeploymentInteractive(const QString &engine, const QString &target)
{
    // Nothing to write says why before a folder is asked for.
    const std::optional<Deployment> d = deploymentToExport(engine, target);
    if (!d)
        return;
    const QString title = tr("Export %1 Deployment (%2) to Folder").arg(QString::fromStdString(d->plan.engineName), target);
    const QString dir = m_folderChooser ? m_folderChooser(title, dialogDirectory())
                                        : QFileDialog::getExistingDirectory(m_window, title, dialogDirectory());
    if (!dir.isEmpty())
        writeDeployment(*d, dir);
}

bool DocumentFiles::exportAutotunerTask(const QString &path)
{
    const std::string version = m_analysis->engineVersion("sglang");
    AutotunerTaskSpec spec;
    // A release has an image of its own tag; a development snapshot has none, so the autotuner's
    // default image (and that version's flags) stands in, as the task's notes say.
    spec.engine = version.rfind('v', 0) == 0 ? "sglang@" + version : std::string("sglang");
    const QString base = m_document->filePath().isEmpty() ? QStringLiteral("config") : QFileInfo(m_document->filePath()).completeBaseName();
    const AutotunerTasks tasks = makeAutotunerTasks(spec, {{base.toStdString(), base.toStdString(), m_document->json()}});
    QStringList problems;
    for (const Diagnostic &d : tasks.diagnostics)
        if (d.severity != Severity::Info)
            problems << QString::fromStdString(d.message);
    if (tasks.tasks.empty()) {
        QMessageBox::warning(m_window, tr("No Autotuner Task"),
                             tr("The inference-autotuner cannot run this configuration:\n%1").arg(problems.join(QLatin1Char('\n'))));
        return false;
    }
    if (!writeOutput(path, toPrettyJson(tasks.tasks.front().second) + "\n", false))
        return false;
    if (!problems.isEmpty())
        emit message(tr("Wrote %1 for %2 (%3); %4").arg(QDir::toNativeSeparators(path), QString::fromStdString(tasks.image),
                                                        QString::fromStdString(tasks.engineVersion), problems.join(QStringLiteral("; "))));
    return true;
}

void DocumentFiles::exportAutotunerTaskInteractive()
{
    const QString base = m_document->filePath().isEmpty() ? QStringLiteral("config") : QFileInfo(m_document->filePath()).completeBaseName();
    const QString suggested = QDir(dialogDirectory()).filePath(QStringLiteral("%1-autotuner-task.json").arg(base));
    const QString path = chooseSavePath(tr("Export Autotuner Task"), suggested, tr("JSON files (*.json)"));
    if (!path.isEmpty())
        exportAutotunerTask(path);
}

void DocumentFiles::saveExtraFileInteractive(const QString &engine)
{
    const LaunchPlan *plan = m_analysis->plan(engine.toStdString());
    if (!plan || plan->files.empty())
        return;
    const QString suggested = QDir(dialogDirectory()).filePath(QString::fromStdString(plan->files.front().name));
    const QString path = chooseSavePath(tr("Save %1").arg(QString::fromStdString(plan->files.front().name)), suggested,
                                        tr("YAML files (*.yaml *.yml)"));
    if (!path.isEmpty())
        saveExtraFile(engine, path);
}

void DocumentFiles::rememberFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_settings->setLastFile(absolute);
    m_settings->addRecentFile(absolute); // the menu follows the settings
}

void DocumentFiles::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_settings->recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString &path = files[i];
        QAction *a = m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        a->setToolTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

} // namespace quantcfg::ui
