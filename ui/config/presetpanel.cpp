#include "ui/config/presetpanel.h"

#include "ui/config/presetdelegate.h"
#include "ui/state/configanalysis.h"
#include "ui/state/configdocument.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace quantcfg::ui {

PresetPanel::PresetPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new PresetListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QListView(this))
    , m_save(new QPushButton(tr("Save as preset…"), this))
{
    setObjectName(QStringLiteral("PresetPanel"));
    m_view->setObjectName(QStringLiteral("PresetList"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(PresetListModel::FilterTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto *title = new QLabel(tr("&Presets"), this);
    title->setBuddy(m_filter);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    m_filter->setPlaceholderText(tr("Filter presets…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter presets"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new PresetDelegate(m_view));
    m_view->setUniformItemSizes(true);
    m_view->setAccessibleName(tr("Presets"));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_save->setAccessibleName(tr("Save as preset"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_save);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (!m_updating)
            choose(current);
    });
    connect(m_view, &QListView::activated, this, &PresetPanel::choose);
    connect(m_view, &QListView::clicked, this, &PresetPanel::choose);
    connect(m_save, &QPushButton::clicked, this, &PresetPanel::saveAsPresetRequested);
}

void PresetPanel::choose(const QModelIndex &proxyIndex)
{
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    if (source.isValid())
        emit presetChosen(source.row());
}

void PresetPanel::setEntries(std::vector<PresetListModel::Entry> entries)
{
    const QString selected = m_view->currentIndex().data(PresetListModel::NameRole).toString();
    m_updating = true;
    m_model->setEntries(std::move(entries));
    if (m_document)
        m_model->markModifiedFrom(m_document->json());
    m_updating = false;
    if (!selected.isEmpty())
        selectPreset(selected);
}

void PresetPanel::showPresets(const std::vector<Preset> &presets, const ConfigAnalysis &analysis)
{
    std::vector<PresetListModel::Entry> entries;
    for (const Preset &preset : presets) {
        PresetListModel::Entry entry{preset, {}};
        for (const LaunchPlan &plan : analysis.mapAll(Config::fromJson(preset.document)))
            entry.statuses.push_back({plan.engineName, plan.status});
        entries.push_back(std::move(entry));
    }
    setEntries(std::move(entries));
}

void PresetPanel::followDocument(const ConfigDocument *document)
{
    m_document = document;
    connect(document, &ConfigDocument::changed, this, [this] { m_model->markModifiedFrom(m_document->json()); });
    m_model->markModifiedFrom(document->json());
}

void PresetPanel::selectPreset(const QString &name)
{
    const int row = m_model->rowOf(name);
    const QModelIndex index = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row));
    m_updating = true;
    m_view->setCurrentIndex(index);
    m_updating = false;
}

} // namespace quantcfg::ui
