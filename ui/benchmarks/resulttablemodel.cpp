#include "ui/benchmarks/resulttablemodel.h"

#include "core/bench/runstatus.h"
#include "ui/shared/counts.h"

#include <QFileInfo>

#include <QColor>
#include <QIcon>

#include <cmath>
#include <limits>

namespace quantcfg::ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kFirstNumeric = ResultTableModel::ConcurrencyColumn;

const char *labelKey(int column)
{
    switch (column) {
    case ResultTableModel::ImportColumn:
        return "import";
    case ResultTableModel::ModelColumn:
        return "model";
    case ResultTableModel::EngineColumn:
        return "engine";
    case ResultTableModel::PresetColumn:
        return "preset";
    case ResultTableModel::VersionColumn:
        return "engine_version";
    case ResultTableModel::QuantizationColumn:
        return "quantization";
    case ResultTableModel::GpuColumn:
        return "gpu";
    case ResultTableModel::TpColumn:
        return "tp";
    case ResultTableModel::StatusColumn:
        return "status";
    default:
        return nullptr;
    }
}

QString fromView(std::string_view v)
{
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

bool isTime(int column)
{
    return column >= ResultTableModel::TtftColumn && column <= ResultTableModel::E2eColumn;
}

QString number(double v, int column)
{
    if (std::isnan(v))
        return {};
    if (std::isinf(v))
        return QObject::tr("unbounded");
    if (column == ResultTableModel::ConcurrencyColumn || column == ResultTableModel::RankColumn)
        return QString::number(v, 'f', 0);
    if (column == ResultTableModel::SuccessRateColumn)
        return QString::number(v, 'f', v >= 99.95 || v == 0 ? 0 : 1) + QStringLiteral(" %");
    return measurementText(v);
}

} // namespace

ResultTableModel::ResultTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ResultTableModel::setTable(std::shared_ptr<const bench::ResultTable> table)
{
    beginResetModel();
    m_table = std::move(table);
    m_meets.clear();
    m_failed.assign(m_table ? m_table->runs().size() : 0, false);
    // The status is a label: asked once per label set, not per run (a million runs, a few sets).
    std::vector<signed char> failedSet; // per label set: -1 not asked yet, else 0 or 1
    for (std::size_t r = 0; r < m_failed.size(); ++r) {
        const std::uint32_t set = m_table->run(static_cast<std::uint32_t>(r)).labelSet;
        if (set >= failedSet.size())
            failedSet.resize(set + 1, -1);
        if (failedSet[set] < 0)
            failedSet[set] = bench::failedStatus(*m_table, static_cast<std::uint32_t>(r)).has_value() ? 1 : 0;
        m_failed[r] = failedSet[set] == 1;
    }
    m_rank.clear();
    m_violations.clear();
    m_configurations.clear();
    recomputeValues();
    endResetModel();
}

void ResultTableModel::setStatistic(const QString &statistic)
{
    if (statistic == m_statistic)
        return;
    m_statistic = statistic;
    recomputeValues();
    if (rowCount() > 0)
        emit dataChanged(index(0, TtftColumn), index(rowCount() - 1, E2eColumn));
    emit headerDataChanged(Qt::Horizontal, TtftColumn, E2eColumn);
}

void ResultTableModel::setRanking(const bench::Ranking &ranking)
{
    const std::size_t n = m_table ? m_table->runs().size() : 0;
    m_meets.assign(n, -1);
    m_rank.assign(n, 0);
    m_violations.assign(n, QString());
    for (std::size_t i = 0; i < ranking.runs.size(); ++i) {
        const bench::ScoredRun &s = ranking.runs[i];
        if (s.run >= n)
            continue;
        QStringList names;
        for (const bench::Violation &v : s.violations)
            names << QString::fromStdString(v.name);
        m_violations[s.run] = names.join(QLatin1String(", "));
        m_meets[s.run] = s.meetsSlo ? 1 : (names.isEmpty() && s.failed.empty() ? -1 : 0);
        m_rank[s.run] = std::isfinite(s.score) ? static_cast<int>(i) + 1 : 0;
    }
    if (rowCount() > 0)
        emit dataChanged(index(0, SloColumn), index(rowCount() - 1, RankColumn));
}

// One pass over the rows: for each run and column, the best-matching value (the chosen statistic;
// a single "value" figure stands for the mean, as in scoring; memory is the peak of any statistic).
void ResultTableModel::recomputeValues()
{
    const std::size_t n = m_table ? m_table->runs().size() : 0;
    m_values.assign(SuccessRateColumn - kFirstNumeric + 1, std::vector<double>(n, kNaN));
    if (!m_table)
        return;
    std::vector<double> &success = m_values[SuccessRateColumn - kFirstNumeric];
    success = bench::successRates(*m_table);
    for (double &rate : success)
        rate *= 100;
    for (std::size_t r = 0; r < n; ++r) {
        const bench::Load &load = m_table->run(static_cast<std::uint32_t>(r)).load;
        m_values[ConcurrencyColumn - kFirstNumeric][r] = load.concurrency;
        m_values[RequestRateColumn - kFirstNumeric][r] = load.requestRate;
    }
    const std::string stat = m_statistic.toStdString();
    // Per series: which column it feeds and with what priority (higher wins).
    std::vector<std::pair<int, int>> feeds(m_table->series().size(), {-1, 0});
    for (std::size_t s = 0; s < feeds.size(); ++s) {
        const bench::Series &series = m_table->seriesAt(static_cast<std::uint32_t>(s));
        const std::string_view metric = m_table->str(series.metric);
        const std::string_view st = m_table->str(series.statistic);
        for (int c = ThroughputColumn; c <= MemoryColumn; ++c) {
            if (metricOf(c).toStdString() != metric)
                continue;
            int priority = 0;
            if (isTime(c))
                priority = st == stat ? 2 : (stat == "mean" && st == "value") ? 1 : 0;
            else if (c == ThroughputColumn)
                priority = st == "value" ? 2 : st == "mean" ? 1 : 0;
            else
                priority = 1; // memory: every statistic competes for the peak
            feeds[s] = {c, priority};
        }
    }
    std::vector<std::vector<int>> best(m_values.size(), std::vector<int>(n, 0));
    for (const bench::Row &row : m_table->rows()) {
        const auto [column, priority] = feeds[row.series];
        if (column < 0 || priority == 0)
            continue;
        const std::size_t c = static_cast<std::size_t>(column - kFirstNumeric);
        double &slot = m_values[c][row.run];
        int &have = best[c][row.run];
        if (column == MemoryColumn ? (std::isnan(slot) || row.value > slot) : priority > have) {
            slot = row.value;
            have = priority;
        }
    }
}

QString ResultTableModel::metricOf(int column)
{
    switch (column) {
    case ThroughputColumn:
        return QStringLiteral("output_throughput");
    case TtftColumn:
        return QStringLiteral("ttft");
    case TpotColumn:
        return QStringLiteral("tpot");
    case ItlColumn:
        return QStringLiteral("itl");
    case E2eColumn:
        return QStringLiteral("e2e_latency");
    case MemoryColumn:
        return QStringLiteral("gpu_memory_used");
    default:
        return {};
    }
}

QString ResultTableModel::columnTitle(int column)
{
    switch (column) {
    case ImportColumn:
        return tr("Import");
    case ModelColumn:
        return tr("Model");
    case GpuColumn:
        return tr("GPU");
    case TpColumn:
        return tr("TP");
    case SuccessRateColumn:
        return tr("Success (%)");
    case StatusColumn:
        return tr("Status");
    case SourceColumn:
        return tr("File");
    case EngineColumn:
        return tr("Engine");
    case PresetColumn:
        return tr("Preset");
    case VersionColumn:
        return tr("Version");
    case QuantizationColumn:
        return tr("Quantization");
    case ConcurrencyColumn:
        return tr("Concurrency");
    case RequestRateColumn:
        return tr("Request rate (req/s)");
    case ThroughputColumn:
        return tr("Output throughput (tokens/s)");
    case TtftColumn:
        return tr("TTFT (ms)");
    case TpotColumn:
        return tr("TPOT (ms)");
    case ItlColumn:
        return tr("ITL (ms)");
    case E2eColumn:
        return tr("E2E latency (ms)");
    case MemoryColumn:
        return tr("GPU memory (GB)");
    case SloColumn:
        return tr("SLO");
    case RankColumn:
        return tr("Rank");
    default:
        return {};
    }
}

const std::vector<int> &ResultTableModel::metricColumns()
{
    static const std::vector<int> columns{ThroughputColumn, TtftColumn, TpotColumn, ItlColumn, E2eColumn, MemoryColumn};
    return columns;
}

double ResultTableModel::value(int row, int column) const
{
    if (row < 0 || row >= rowCount())
        return kNaN;
    const auto r = static_cast<std::size_t>(row);
    if (isNumeric(column))
        return m_values[static_cast<std::size_t>(column - kFirstNumeric)][r];
    if (column == RankColumn && r < m_rank.size() && m_rank[r] > 0)
        return m_rank[r];
    return kNaN;
}

std::span<const double> ResultTableModel::values(int column) const
{
    if (!isNumeric(column))
        return {};
    return m_values[static_cast<std::size_t>(column - kFirstNumeric)];
}

int ResultTableModel::meetsSlo(int row) const
{
    return row >= 0 && static_cast<std::size_t>(row) < m_meets.size() ? m_meets[static_cast<std::size_t>(row)] : -1;
}

bool ResultTableModel::failed(int row) const
{
    return row >= 0 && static_cast<std::size_t>(row) < m_failed.size() && m_failed[static_cast<std::size_t>(row)];
}

QString ResultTableModel::sourceFile(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return QFileInfo(fromView(m_table->str(m_table->run(static_cast<std::uint32_t>(row)).source))).fileName();
}

QString ResultTableModel::labelSetText(std::uint32_t labelSet, int column) const
{
    const char *key = labelKey(column);
    if (!m_table || !key)
        return {};
    for (const bench::Label &l : m_table->labels(labelSet)) {
        if (m_table->str(l.key) == key)
            return fromView(m_table->str(l.value));
    }
    return {};
}

QString ResultTableModel::configuration(std::uint32_t labelSet) const
{
    if (const auto it = m_configurations.constFind(labelSet); it != m_configurations.cend())
        return *it;
    QStringList parts;
    for (int c = EngineColumn; c <= QuantizationColumn; ++c) {
        const QString t = labelSetText(labelSet, c);
        if (!t.isEmpty())
            parts << t;
    }
    return m_configurations[labelSet] = parts.isEmpty() ? tr("(unlabelled)") : parts.join(QStringLiteral(" · "));
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_table ? 0 : static_cast<int>(m_table->runs().size());
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ResultTableModel::labelText(int row, int column) const
{
    return labelSetText(m_table->run(static_cast<std::uint32_t>(row)).labelSet, column);
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const auto r = static_cast<std::size_t>(row);
    const int meets = meetsSlo(row);
    switch (role) {
    case Qt::DisplayRole:
        if (column == StatusColumn) // as `bench score` says it (a tool's own "status=success" is no failure)
            return failed(row) ? labelText(row, column) : tr("ok");
        if (column == SourceColumn)
            return sourceFile(row);
        if (labelKey(column))
            return labelText(row, column);
        if (column == SloColumn)
            return failed(row) ? tr("✗ run failed") : meets == 1 ? tr("✓ meets") : meets == 0 ? tr("✗ %1").arg(m_violations[r]) : QString();
        return number(value(row, column), column);
    case Qt::DecorationRole:
        if (column == StatusColumn && failed(row))
            return QIcon(QStringLiteral(":/icons/status-error.svg"));
        if (column == SloColumn && meets >= 0)
            return QIcon(meets ? QStringLiteral(":/icons/status-ok.svg") : QStringLiteral(":/icons/status-error.svg"));
        return {};
    case Qt::ForegroundRole:
        // A failed run's figures are what the tool wrote, not a working configuration's.
        return failed(row) && column != StatusColumn ? QVariant(QColor(Qt::gray)) : QVariant();
    case Qt::TextAlignmentRole:
        return isText(column) || column == SloColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return tr("%1\nfrom %2").arg(data(index, LabelRole).toString(), fromView(m_table->str(m_table->run(static_cast<std::uint32_t>(row)).source)));
    case ValueRole:
        if (isText(column))
            return data(index, Qt::DisplayRole);
        return column == SloColumn ? double(meets) : value(row, column);
    case RunRole:
        return row;
    case ConfigurationRole:
        return configuration(m_table->run(static_cast<std::uint32_t>(row)).labelSet);
    case MeetsSloRole:
        return meets;
    case FailedRole:
        return failed(row);
    case LabelRole: {
        const QString load = QString::fromStdString(bench::loadText(m_table->run(static_cast<std::uint32_t>(row)).load));
        QString config = data(index, ConfigurationRole).toString();
        if (const QString model = labelText(row, ModelColumn); !model.isEmpty())
            config = model + QStringLiteral(" · ") + config;
        if (const QString import = labelText(row, ImportColumn); !import.isEmpty())
            config = import + QStringLiteral(" · ") + config;
        return load.isEmpty() ? tr("run %1: %2").arg(row + 1).arg(config) : tr("run %1: %2 · %3").arg(row + 1).arg(config, load);
    }
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        // The unit on a line of its own: one-line titles ("Output throughput (tokens/s)") made the
        // columns so wide that the table's first screen ended in a header cut in the middle.
        QString title = isTime(section) ? tr("%1 %2").arg(columnTitle(section).chopped(5), m_statistic) + QStringLiteral(" (ms)")
                                        : columnTitle(section);
        if (const qsizetype unit = title.lastIndexOf(QLatin1StringView(" (")); unit > 0)
            title[unit] = QLatin1Char('\n');
        return title;
    }
    if (role == Qt::ToolTipRole)
        return isTime(section) ? tr("%1, statistic %2").arg(columnTitle(section), m_statistic) : columnTitle(section);
    return {};
}

} // namespace quantcfg::ui
