#include "ui/benchmarks/winnercard.h"

#include "core/bench/scoring.h"
#include "core/presets.h"
#include "ui/benchmarks/resulttablemodel.h"
#include "ui/shared/counts.h"

#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>
#include <set>
#include <string_view>

namespace quantcfg::ui {

namespace {

QString fromView(std::string_view v)
{
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

// Labels that are the run's identity or outcome rather than a setting of its configuration.
bool isSetting(std::string_view key)
{
    static const std::set<std::string_view> notSettings{"model", "engine", "engine_version", "import", "status", "methodology"};
    return !notSettings.contains(key);
}

} // namespace

WinnerCard::WinnerCard(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_methodology(new QLabel(this))
    , m_open(new QPushButton(tr("Open this configuration in the editor"), this))
    , m_details(new QWidget(this))
{
    setObjectName(QStringLiteral("WinnerCard"));
    setFrameShape(QFrame::StyledPanel);
    m_title->setObjectName(QStringLiteral("WinnerTitle"));
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    auto *form = new QFormLayout(m_details);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_model = field("WinnerModel");
    m_engine = field("WinnerEngine");
    m_configuration = field("WinnerConfiguration");
    m_file = field("WinnerFile");
    m_status = field("WinnerStatus");
    m_figures = field("WinnerFigures");
    form->addRow(tr("Model:"), m_model);
    form->addRow(tr("Engine:"), m_engine);
    form->addRow(tr("Configuration:"), m_configuration);
    form->addRow(tr("File:"), m_file);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Figures:"), m_figures);
    m_methodology->setObjectName(QStringLiteral("WinnerMethodology"));
    m_methodology->setWordWrap(true);
    m_open->setObjectName(QStringLiteral("OpenWinnerConfiguration"));
    m_open->setToolTip(tr("Load the run's preset into the configuration editor"));
    connect(m_open, &QPushButton::clicked, this, [this] { emit openConfigurationRequested(m_preset); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_methodology);
    layout->addWidget(m_open, 0, Qt::AlignLeft);
    showNone(tr("Import results to rank them."));
}

QLabel *WinnerCard::field(const char *name)
{
    auto *label = new QLabel(m_details);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long file name has no place to wrap: it is cut at the panel's edge (whole in the tooltip)
    // rather than widening the panel.
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return label;
}

void WinnerCard::showNone(const QString &reason)
{
    m_run = -1;
    m_preset.clear();
    m_title->setText(reason);
    m_details->hide();
    m_methodology->hide();
    m_open->hide();
}

void WinnerCard::showWinner(const ResultTableModel &runs, const bench::ScoredRun &scored, int meeting, int ranked,
                            const QStringList &methodologyNotes)
{
    const bench::ResultTable &table = *runs.table();
    const int row = static_cast<int>(scored.run);
    m_run = row;
    const auto labelOf = [&](const char *key) {
        const auto v = table.label(scored.run, key);
        return v ? fromView(*v) : QString();
    };
    m_title->setText(tr("Best under the SLOs: run %1 (%2 of %3 ranked runs meet them)").arg(row + 1).arg(meeting).arg(ranked));
    const QString model = labelOf("model");
    m_model->setText(model.isEmpty() ? tr("(not named in the file)") : model);
    QString engine = labelOf("engine");
    if (const QString version = labelOf("engine_version"); !version.isEmpty())
        engine = engine.isEmpty() ? version : engine + QLatin1Char(' ') + version;
    m_engine->setText(engine.isEmpty() ? tr("(not named in the file)") : engine);
    QStringList settings;
    for (const bench::Label &l : table.labels(table.run(scored.run).labelSet)) {
        if (isSetting(table.str(l.key)))
            settings << QStringLiteral("%1=%2").arg(fromView(table.str(l.key)), fromView(table.str(l.value)));
    }
    if (const std::string load = bench::loadText(table.run(scored.run).load); !load.empty())
        settings << QString::fromStdString(load);
    m_configuration->setText(settings.isEmpty() ? tr("(no settings in the file)") : settings.join(QStringLiteral(", ")));
    const QString path = fromView(table.str(table.run(scored.run).source));
    const std::uint32_t line = table.run(scored.run).line;
    m_file->setText(line > 0 ? tr("%1, line %2").arg(runs.sourceFile(row)).arg(line) : runs.sourceFile(row));
    m_file->setToolTip(path);
    QString status = runs.index(row, ResultTableModel::StatusColumn).data().toString();
    if (const QString methodology = labelOf("methodology"); !methodology.isEmpty())
        status += tr(" · measured by %1").arg(methodology);
    m_status->setText(status);
    QStringList figures;
    for (int column : {ResultTableModel::ThroughputColumn, ResultTableModel::TtftColumn, ResultTableModel::TpotColumn, ResultTableModel::ItlColumn,
                       ResultTableModel::E2eColumn, ResultTableModel::MemoryColumn, ResultTableModel::SuccessRateColumn}) {
        const QString text = runs.index(row, column).data().toString();
        if (!text.isEmpty())
            figures << QStringLiteral("%1: %2").arg(runs.headerData(column, Qt::Horizontal).toString().replace(QLatin1Char('\n'), QLatin1Char(' ')), text);
    }
    if (scored.base && std::isfinite(scored.score))
        figures << tr("score %1").arg(measurementText(scored.score));
    m_figures->setText(figures.join(QLatin1Char('\n')));
    const QString preset = labelOf("preset");
    m_preset = !preset.isEmpty() && loadPresetLibrary().find(preset.toStdString()) ? preset : QString();
    m_details->show();
    m_methodology->setVisible(!methodologyNotes.isEmpty());
    if (!methodologyNotes.isEmpty()) {
        m_methodology->setText(tr("⚠ Ranked among runs whose tools define TPOT, ITL or throughput differently: compare "
                                  "its figures with theirs with care (hover for what each means)."));
        m_methodology->setToolTip(methodologyNotes.join(QLatin1Char('\n')));
    }
    m_open->setVisible(!m_preset.isEmpty());
}

} // namespace quantcfg::ui
