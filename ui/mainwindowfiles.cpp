// MainWindow: file handling (new, open, save, recent files, export, presets, the unsaved-changes
// guard, drag and drop). Layout and wiring are in mainwindow.cpp.
#include "ui/mainwindow.h"

#include "core/engines/render.h"
#include "core/jsonio.h"
#include "core/presets.h"
#include "ui/configanalysis.h"
#include "ui/configdocument.h"
#include "ui/jsoneditortab.h"
#include "ui/presetpanel.h"
#include "ui/savepresetdialog.h"
#include "ui/settings.h"

#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>

namespace quantcfg::ui {

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

void MainWindow::setUnsavedChangesPrompt(UnsavedChangesPrompt prompt)
{
    m_prompt = std::move(prompt);
}

void MainWindow::setSaveFileChooser(SaveFileChooser chooser)
{
    m_chooser = std::move(chooser);
}

QString MainWindow::dialogDirectory() const
{
    const QString path = m_document->filePath().isEmpty() ? m_settings->lastFile() : m_document->filePath();
    return path.isEmpty() ? QDir::homePath() : QFileInfo(path).absolutePath();
}

QString MainWindow::chooseSavePath(const QString &title, const QString &suggested, const QString &filter)
{
    return m_chooser ? m_chooser(title, suggested, filter) : QFileDialog::getSaveFileName(this, title, suggested, filter);
}

void MainWindow::setUnparsedTextPrompt(UnparsedTextPrompt prompt)
{
    m_unparsedPrompt = std::move(prompt);
}

bool MainWindow::maybeSave()
{
    if (const QString error = m_json->errorText(); !error.isEmpty()) {
        // That text never reached the document: neither saving nor the autosave would keep it.
        const QMessageBox::StandardButton answer =
            m_unparsedPrompt ? m_unparsedPrompt(error)
                             : QMessageBox::warning(this, tr("JSON Text Does Not Parse"),
                                                    tr("The JSON tab holds text that does not parse, so it is not part of the "
                                                       "configuration and would be lost:\n%1\n\nDiscard that text?")
                                                        .arg(error),
                                                    QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            m_tabs->setCurrentWidget(m_json);
            m_json->editor()->setFocus();
            return false;
        }
    }
    if (!m_document->isModified())
        return true;
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    if (m_prompt) {
        answer = m_prompt(m_document->displayName());
    } else {
        answer = QMessageBox::warning(this, tr("Unsaved Changes"),
                                      tr("“%1” has unsaved changes. Save them first?").arg(m_document->displayName()),
                                      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    }
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::setRecoveryPrompt(RecoveryPrompt prompt)
{
    m_recoveryPrompt = std::move(prompt);
}

namespace {

MainWindow::RecoveryChoice askAboutRecovery(QWidget *parent, const Autosave::Recoverable &entry)
{
    const QString name = entry.originalPath.isEmpty() ? MainWindow::tr("an untitled configuration")
                                                      : QStringLiteral("“%1”").arg(QFileInfo(entry.originalPath).fileName());
    QMessageBox box(QMessageBox::Warning, MainWindow::tr("Recover Unsaved Changes"),
                    MainWindow::tr("quantcfg Studio did not close normally. Unsaved changes to %1, autosaved %2, can be recovered.")
                        .arg(name, QLocale().toString(entry.savedAt, QLocale::ShortFormat)),
                    QMessageBox::NoButton, parent);
    box.setInformativeText(entry.originalPath.isEmpty()
                               ? MainWindow::tr("Recover opens them as a new unsaved document. Discard deletes them.")
                               : MainWindow::tr("Recover opens %1 with the changes unsaved; Undo shows the file as it is on disk. "
                                                "Discard deletes the changes.")
                                     .arg(QDir::toNativeSeparators(entry.originalPath)));
    QPushButton *recover = box.addButton(MainWindow::tr("&Recover"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(MainWindow::tr("&Discard"), QMessageBox::DestructiveRole);
    box.addButton(MainWindow::tr("Decide &Later"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.exec();
    if (box.clickedButton() == recover)
        return MainWindow::RecoveryChoice::Recover;
    if (box.clickedButton() == discard)
        return MainWindow::RecoveryChoice::Discard;
    return MainWindow::RecoveryChoice::Later;
}

} // namespace

bool MainWindow::offerRecovery()
{
    for (const Autosave::Recoverable &entry : m_autosave->recoverable()) {
        if (!entry.error.isEmpty()) {
            const QString kept = m_autosave->setAside(entry);
            showStatus(tr("An autosave could not be read (%1: %2); it was kept as %3")
                           .arg(QDir::toNativeSeparators(entry.autosavePath), entry.error, QDir::toNativeSeparators(kept)));
            continue;
        }
        const RecoveryChoice choice = m_recoveryPrompt ? m_recoveryPrompt(entry) : askAboutRecovery(this, entry);
        if (choice == RecoveryChoice::Discard) {
            m_autosave->discard(entry);
            continue;
        }
        if (choice == RecoveryChoice::Later || !maybeSave())
            continue;
        m_document->recover(entry.document, entry.originalPath);
        m_presets->selectPreset({});
        // The recovered work is this studio's autosave now; only then is the old copy removed.
        m_autosave->flush();
        m_autosave->discard(entry);
        showStatus(tr("Recovered unsaved changes to %1").arg(m_document->displayName()));
        return true;
    }
    return false;
}

bool MainWindow::newDocument()
{
    if (!maybeSave())
        return false;
    loadDefault();
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    if (!maybeSave())
        return false;
    QString error;
    if (!m_document->load(path, &error)) {
        QMessageBox::critical(this, tr("Open Failed"), tr("Could not open %1:\n%2").arg(QDir::toNativeSeparators(path), error));
        m_settings->removeRecentFile(path);
        updateRecentMenu();
        return false;
    }
    m_presets->selectPreset({});
    rememberFile(path);
    showStatus(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool MainWindow::save()
{
    return m_document->filePath().isEmpty() ? saveAs() : saveTo(m_document->filePath());
}

bool MainWindow::saveAs()
{
    const QString suggested = QDir(dialogDirectory()).filePath(m_document->filePath().isEmpty()
                                                                   ? QString::fromStdString(m_document->config().name.value_or("config")) + QLatin1StringView(".json")
                                                                   : QFileInfo(m_document->filePath()).fileName());
    const QString path = chooseSavePath(tr("Save Configuration"), suggested, tr("JSON files (*.json)"));
    return !path.isEmpty() && saveTo(path);
}

bool MainWindow::saveTo(const QString &path)
{
    QString error;
    if (!m_document->save(path, &error)) {
        QMessageBox::critical(this, tr("Save Failed"), tr("Could not save %1:\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    rememberFile(path);
    showStatus(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool MainWindow::exportScript(const QString &engine, const QString &path)
{
    const LaunchPlan *plan = m_analysis->plan(engine.toStdString());
    return plan && !plan->argv.empty() && writeOutput(path, renderScript(*plan), true);
}

bool MainWindow::saveExtraFile(const QString &engine, const QString &path)
{
    const LaunchPlan *plan = m_analysis->plan(engine.toStdString());
    return plan && !plan->files.empty() && writeOutput(path, plan->files.front().content, false);
}

bool MainWindow::writeOutput(const QString &path, const std::string &content, bool executable)
{
    if (const auto problem = writeFileAtomic(path.toStdString(), content)) {
        QMessageBox::critical(this, tr("Save Failed"),
                              tr("Could not write %1:\n%2").arg(QDir::toNativeSeparators(path), QString::fromStdString(problem->message)));
        return false;
    }
    if (executable) {
        QFile file(path);
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther);
    }
    showStatus(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void MainWindow::exportScriptInteractive(const QString &engine)
{
    const QString suggested = QDir(dialogDirectory()).filePath(QStringLiteral("launch-%1.sh").arg(engine));
    const QString path = chooseSavePath(tr("Export Launch Script"), suggested, tr("Shell scripts (*.sh)"));
    if (!path.isEmpty())
        exportScript(engine, path);
}

void MainWindow::saveExtraFileInteractive(const QString &engine)
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

void MainWindow::rememberFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_settings->setLastFile(absolute);
    m_settings->addRecentFile(absolute);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

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
    openFile(path);
}

} // namespace quantcfg::ui
