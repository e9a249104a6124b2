#include "ui/config/savepresetdialog.h"

#include "ui_savepresetdialog.h"

#include <QDir>
#include <QPushButton>

namespace quantcfg::ui {

SavePresetDialog::SavePresetDialog(const QString &folder, const QStringList &builtInNames, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SavePresetDialog>())
    , m_folder(folder)
    , m_builtInNames(builtInNames)
{
    m_ui->setupUi(this);
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &SavePresetDialog::validate);
    validate();
}

SavePresetDialog::~SavePresetDialog() = default;

QString SavePresetDialog::name() const
{
    return m_ui->nameEdit->text().trimmed();
}

QString SavePresetDialog::useCase() const
{
    return m_ui->useCaseEdit->text().trimmed();
}

void SavePresetDialog::setName(const QString &name)
{
    m_ui->nameEdit->setText(name);
}

void SavePresetDialog::setUseCase(const QString &useCase)
{
    m_ui->useCaseEdit->setText(useCase);
}

void SavePresetDialog::validate()
{
    const QString n = name();
    QString problem;
    if (n.isEmpty())
        problem = tr("Enter a name.");
    else if (n.contains(QLatin1Char('/')) || n.startsWith(QLatin1Char('.')))
        problem = tr("A name cannot contain '/' or start with '.'.");
    else if (m_builtInNames.contains(n))
        problem = tr("\"%1\" is a built-in preset; choose another name.").arg(n);
    const QString file = QDir(m_folder).filePath(n + QLatin1StringView(".json"));
    m_ui->hintLabel->setText(problem.isEmpty() ? tr("Saved to %1").arg(QDir::toNativeSeparators(file)) : problem);
    m_ui->buttons->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty());
}

} // namespace quantcfg::ui
