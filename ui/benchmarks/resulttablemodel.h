#pragma once

#include "core/bench/resulttable.h"
#include "core/bench/scoring.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace quantcfg::ui {

/// Benchmark runs as a table: one row per run of a bench::ResultTable (labels, load, one column
/// per headline metric at the chosen statistic, SLO verdict and rank). The table is shared, never
/// copied; the model only keeps one double per run and metric column so that sorting, filtering and
/// charts over a million runs stay fast. The charts read their numbers from this model (through the
/// same proxy as the view), never from anywhere else.
class ResultTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ImportColumn,
        ModelColumn,
        EngineColumn,
        PresetColumn,
        VersionColumn,
        QuantizationColumn,
        GpuColumn,
        TpColumn,
        ConcurrencyColumn,
        RequestRateColumn,
        ThroughputColumn,  ///< output tokens/s
        TtftColumn,        ///< ms
        TpotColumn,        ///< ms
        ItlColumn,         ///< ms
        E2eColumn,         ///< ms
        MemoryColumn,      ///< GB, the peak of any statistic
        SuccessRateColumn, ///< % of the requests that completed (bench::successRates())
        StatusColumn,      ///< "ok", or the run's "failed: …" status (bench::failedStatus())
        SloColumn,
        RankColumn,
        SourceColumn,      ///< the result file's name (its path in the tooltip)
        ColumnCount
    };
    enum Role {
        ValueRole = Qt::UserRole + 1, ///< double: the number of a numeric column (NaN when missing); sort key
        RunRole,                      ///< int: index of the run in the table
        ConfigurationRole,            ///< QString: engine · preset · version · quantization (one line series each)
        MeetsSloRole,                 ///< int: 1 meets every SLO, 0 violates one (or failed), -1 no SLO or unmeasured
        LabelRole,                    ///< QString: the run named for tooltips ("vllm · universal-fp8 · concurrency=8")
        FailedRole,                   ///< bool: the run failed (its requests did not complete): never best, never on a front
    };

    explicit ResultTableModel(QObject *parent = nullptr);

    /// Replaces the table (the one entry point for data).
    void setTable(std::shared_ptr<const bench::ResultTable> table);
    const std::shared_ptr<const bench::ResultTable> &table() const { return m_table; }
    /// Statistic of the time columns: "mean", "median", "p90", "p99" (throughput and memory keep
    /// their single figure).
    void setStatistic(const QString &statistic);
    QString statistic() const { return m_statistic; }
    /// The SLO verdicts and ranks to show (empty ranking: none).
    void setRanking(const bench::Ranking &ranking);

    /// The metric of a numeric column ("ttft"), or "" for label columns.
    static QString metricOf(int column);
    /// Display name of a metric column with its unit: "TTFT (ms)".
    static QString columnTitle(int column);
    /// The numeric columns the metric pickers offer.
    static const std::vector<int> &metricColumns();
    /// The number of column @p column of run @p row (NaN when missing).
    double value(int row, int column) const;
    /// True for the columns that hold a number per run (ConcurrencyColumn … SuccessRateColumn).
    static bool isNumeric(int column) { return column >= ConcurrencyColumn && column <= SuccessRateColumn; }
    /// True for the columns the runs filter matches: the run's labels (ImportColumn … TpColumn),
    /// its status and its file.
    static bool isText(int column) { return column < ConcurrencyColumn || column == StatusColumn || column == SourceColumn; }
    /// FailedRole of run @p row.
    bool failed(int row) const;
    /// The file name of run @p row's result file.
    QString sourceFile(int row) const;

    // Typed bulk access for the charts: what data() gives per cell as a QVariant, as arrays and
    // per label set, so that reading a million runs is a pass over memory (chartfeed.h).
    /// Every run's number in numeric column @p column (ConcurrencyColumn … SuccessRateColumn), indexed
    /// by row (NaN when missing); empty for the other columns.
    std::span<const double> values(int column) const;
    /// MeetsSloRole of run @p row.
    int meetsSlo(int row) const;
    /// Label column @p column (ImportColumn … TpColumn, StatusColumn) of the runs whose label set is
    /// @p labelSet ("" when they have no such label).
    QString labelSetText(std::uint32_t labelSet, int column) const;
    /// ConfigurationRole of the runs whose label set is @p labelSet.
    QString configuration(std::uint32_t labelSet) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void recomputeValues();
    QString labelText(int row, int column) const;

    std::shared_ptr<const bench::ResultTable> m_table;
    QString m_statistic = QStringLiteral("mean");
    std::vector<std::vector<double>> m_values; // [column - ConcurrencyColumn][run]
    std::vector<int> m_meets;                  // per run, see MeetsSloRole
    std::vector<bool> m_failed;                // per run, see FailedRole
    std::vector<int> m_rank;                   // per run, 0 = unranked
    std::vector<QString> m_violations;         // per run, the violated limit names
    mutable QHash<std::uint32_t, QString> m_configurations; // label set → ConfigurationRole text (charts ask per run)
};

} // namespace quantcfg::ui
