#pragma once

#include "ui/config/presetlistmodel.h"

#include <QWidget>

class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;

namespace quantcfg::ui {

class ConfigAnalysis;
class ConfigDocument;

/// The preset list: a filter box, the presets with their engine badges, and "Save as preset…". Its
/// objectName is "PresetPanel", the list's "PresetList".
class PresetPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit PresetPanel(QWidget *parent = nullptr);

    PresetListModel *model() const { return m_model; }
    /// The filter box (Edit ▸ Filter Presets focuses it).
    QLineEdit *filterEdit() const { return m_filter; }

    /// Replaces the presets, keeping the selected one selected.
    void setEntries(std::vector<PresetListModel::Entry> entries);
    /// Shows @p presets with their badges: each mapped by @p analysis on every engine at the
    /// chosen versions for the chosen target GPU.
    void showPresets(const std::vector<Preset> &presets, const ConfigAnalysis &analysis);
    /// Selects the preset named @p name without loading it (e.g. at start-up).
    void selectPreset(const QString &name);
    /// Follows @p document: the preset it came from is marked "modified" while it differs.
    void followDocument(const ConfigDocument *document);

signals:
    /// The user chose the preset at @p row of model().
    void presetChosen(int row);
    void saveAsPresetRequested();

private:
    void choose(const QModelIndex &proxyIndex);

    PresetListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QListView *m_view;
    QPushButton *m_save;
    bool m_updating = false;
    const ConfigDocument *m_document = nullptr;
};

} // namespace quantcfg::ui
