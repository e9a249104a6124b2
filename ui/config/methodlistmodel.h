#pragma once

#include "core/engines/capability.h"
#include "core/hardware/gputarget.h"

#include <QAbstractListModel>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace quantcfg::ui {

class ConfigAnalysis;

/// The rows of a quantization-method choice (the form's Method and Fallback method): first the
/// "not set" row, then each method with the catalogue's one-line description and, per engine, how
/// it fares on the session's target GPU with the engine version in use (the configuration's pin,
/// else the session's choice, else the default: ConfigAnalysis::engineVersion()). The states and
/// reasons are the hardware matrix's, for the target's own compute capability
/// (buildMatrix(profile, columns)); without a target GPU, each engine's best state on any
/// architecture, and the reason says no target is chosen. A method that no engine version in use
/// has is marked (DecorationRole, UsableRole), and its tooltip names the versions that have it.
/// A value the enumeration does not allow (typed in the JSON tab) is shown as one more row at the
/// end (setStrayValue()).
///
/// It follows @p analysis: after each recompute it compares the target GPU and the engine versions
/// with those it computed for and, when one changed, recomputes every row and emits dataChanged().
class MethodListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        ValueRole = Qt::UserRole, ///< QString: the value as compact JSON ("\"fp8\""), what QComboBox::findData() looks for; empty for "not set"
        MethodRole,               ///< QString: the method ("fp8"); empty for "not set" and a stray value
        DescriptionRole,          ///< QString: the catalogue's one line; for "not set", what the marks are checked for
        SupportRole,              ///< QVariantList of int (quantcfg::Support), one per engine in engineNames() order
        SupportTextRole,          ///< QStringList: per engine, "vLLM: supported" (for marks read aloud and in tooltips)
        SupportReasonRole,        ///< QStringList: per engine, the version, the state and why (the mark's tooltip)
        UsableRole,               ///< bool: some engine version in use has the method (false: marked, as qoq is)
    };

    /// @p methods: the values offered (the schema's enumeration, each a method of the catalogue);
    /// @p unsetText: the first row's text ("(not set)").
    MethodListModel(std::vector<std::string> methods, QString unsetText, ConfigAnalysis *analysis, QObject *parent = nullptr);

    /// The engines' display names, in the order of the per-engine roles ("vLLM", "SGLang", "TensorRT-LLM").
    const QStringList &engineNames() const { return m_engineNames; }
    /// The target GPU the marks are for ("A10G (sm_86)"), or empty when none is chosen.
    const QString &targetText() const { return m_targetText; }

    /// Shows @p value (a value's compact JSON text) as an extra last row "<value> (not allowed)";
    /// nullopt removes it. Returns the row that holds @p value.
    int setStrayValue(const std::optional<QString> &value);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// How the marks read: "supported", "falls back", "not supported" or "unknown" (the states the
    /// matrix tells apart by icon all read as one of these four).
    static QString supportWord(Support state);

private:
    struct EngineSupport
    {
        Support state = Support::Unknown;
        QString reason;
    };
    struct Row
    {
        std::string method;
        QString description;
        std::vector<EngineSupport> engines;
        bool usable = false;
        QStringList otherVersions; ///< when no version in use has it: the versions that do ("SGLang v0.5.6")
    };

    /// The target GPU and the engine versions in use, as one key.
    std::string inputs() const;
    /// Recomputes the rows when the target or a version in use changed since the last time.
    void refresh();
    /// The profiles and target in use, and which methods they have (cheap: at every change).
    void compute();
    /// Every row's per-engine state and reason (the matrix of each version in use), the first
    /// time one is asked for after compute().
    void computeSupport() const;
    QString toolTip(const Row &row) const;
    QString accessibleText(const Row &row) const;

    ConfigAnalysis *m_analysis;
    QString m_unsetText;
    mutable std::vector<Row> m_rows; // Row::engines is filled by computeSupport()
    mutable bool m_supportStale = true;
    std::vector<const EngineProfile *> m_profiles; // the versions in use, in engineNames() order
    std::optional<GpuTarget> m_target;             // with a compute capability; empty: none chosen
    std::optional<QString> m_stray;
    QStringList m_engineNames;
    QString m_targetText;
    std::string m_inputs; // the target and versions the rows were computed for
};

} // namespace quantcfg::ui
