#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class SavePresetDialog;
}

namespace quantcfg::ui {

/// Asks for the name (and use case) of a new user preset. Names that cannot be saved (empty,
/// containing '/', starting with '.', or taken by a built-in preset) keep the Save button disabled.
class SavePresetDialog final : public QDialog
{
    Q_OBJECT

public:
    SavePresetDialog(const QString &folder, const QStringList &builtInNames, QWidget *parent = nullptr);
    ~SavePresetDialog() override;

    QString name() const;
    QString useCase() const;
    void setName(const QString &name);
    void setUseCase(const QString &useCase);

private:
    void validate();

    std::unique_ptr<Ui::SavePresetDialog> m_ui;
    QString m_folder;
    QStringList m_builtInNames;
};

} // namespace quantcfg::ui
