#include "ui/benchmarks/methodologynote.h"

#include "core/bench/methodology.h"
#include "ui/benchmarks/charts/chartfeed.h"
#include "ui/benchmarks/resulttablemodel.h"

#include <QAbstractItemModel>
#include <QTimer>

#include <vector>

namespace quantcfg::ui {

QStringList methodologyNotes(const QAbstractItemModel &shown)
{
    const charts::FeedRows rows = charts::FeedRows::of(shown);
    if (!rows.model)
        return {};
    const bench::ResultTable &table = *rows.model->table();
    // One run per label set is enough (the methodology is a label): a million runs cost one pass.
    std::vector<bool> seen;
    std::vector<std::uint32_t> runs;
    for (const int row : rows.rows) {
        const std::uint32_t set = table.run(static_cast<std::uint32_t>(row)).labelSet;
        if (set >= seen.size())
            seen.resize(set + 1, false);
        if (!seen[set]) {
            seen[set] = true;
            runs.push_back(static_cast<std::uint32_t>(row));
        }
    }
    QStringList out;
    for (const std::string &line : bench::mixedMethodologyNotes(table, runs))
        out << QString::fromStdString(line);
    return out;
}

MethodologyNote::MethodologyNote(QAbstractItemModel *shown, QWidget *parent)
    : QLabel(parent)
    , m_shown(shown)
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("MethodologyNote"));
    setWordWrap(true);
    setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; color: #5d4200; padding: 3px; }"));
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &MethodologyNote::refresh);
    connect(shown, &QAbstractItemModel::modelReset, m_timer, qOverload<>(&QTimer::start));
    connect(shown, &QAbstractItemModel::layoutChanged, m_timer, qOverload<>(&QTimer::start));
    connect(shown, &QAbstractItemModel::rowsInserted, m_timer, qOverload<>(&QTimer::start));
    connect(shown, &QAbstractItemModel::rowsRemoved, m_timer, qOverload<>(&QTimer::start));
    hide();
    m_timer->start();
}

void MethodologyNote::refresh()
{
    m_timer->stop();
    const QStringList notes = methodologyNotes(*m_shown);
    setVisible(!notes.isEmpty());
    if (notes.isEmpty())
        return;
    // "these runs were measured by tools that define their metrics differently (…); the same name …:"
    QString first = notes.front();
    first[0] = first[0].toUpper();
    setText(QStringLiteral("⚠ ") + first.chopped(1) + QLatin1Char('.'));
    setToolTip(notes.mid(1).join(QLatin1Char('\n')));
}

} // namespace quantcfg::ui
