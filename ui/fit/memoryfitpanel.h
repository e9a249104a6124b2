#pragma once

#include "core/hardware/gputarget.h"
#include "core/hardware/memoryfit.h"
#include "core/hardware/modelshape.h"
#include "core/hardware/checkpoint.h"

#include <QWidget>

#include <map>
#include <optional>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTreeView;

namespace quantcfg::ui {

class ConfigDocument;
class DiagnosticsModel;
class FitBar;
class StudioSession;

/// The "Memory fit" tab: a model's config.json (or model folder) against the configuration and the
/// target GPU — parameters, weights per GPU, KV bytes per token, KV capacity, the largest
/// concurrency at a chosen length and a fit bar, recomputed by core's estimateFit() whenever the
/// configuration, the target or an option changes. The checkpoint's quantization metadata is
/// checked against the configuration (checkCheckpoint) and listed with the fit's own findings.
class MemoryFitPanel final : public QWidget
{
    Q_OBJECT

public:
    /// The figures shown, one label each (tests read them through valueText()).
    enum class Figure { Model, Parameters, WeightFormat, WeightsPerGpu, KvPerToken, KvCapacity, MaxConcurrency, LongestLength, Verdict };

    /// Reads the target GPU from @p session and follows it.
    MemoryFitPanel(ConfigDocument *document, StudioSession *session, QWidget *parent = nullptr);

    /// Reads @p path (config.json or a model folder); false (with the reason listed) when unusable.
    bool loadModel(const QString &path);
    /// Loads the model remembered from an earlier run (empty: none). When @p path no longer exists,
    /// nothing is loaded and the panel says so (notice()).
    void restoreModel(const QString &path);
    QString modelPath() const { return m_path; }
    /// The message above the figures, e.g. that the remembered model no longer exists; empty when none.
    QString notice() const;
    /// Sequence length to check (0 = the model's maximum) and sequences that must fit at once.
    void setLength(long long length);
    void setConcurrency(long long concurrency);

    /// The last estimate (nothing before a model is loaded).
    const std::optional<FitEstimate> &estimate() const { return m_estimate; }
    QString valueText(Figure figure) const;
    DiagnosticsModel *diagnosticsModel() const { return m_diagnostics; }

signals:
    void message(const QString &text);
    /// A model was loaded from @p path (absolute), so it can be remembered for the next run.
    void modelLoaded(const QString &path);

private:
    void recompute();
    void chooseModel(bool folder);
    void setFigure(Figure figure, const QString &text);

    ConfigDocument *m_document;
    StudioSession *m_session;
    QString m_path;
    std::optional<ModelShape> m_shape;
    Diagnostics m_modelDiagnostics;
    std::optional<CheckpointQuantization> m_checkpoint;
    std::optional<FitEstimate> m_estimate;
    QLineEdit *m_pathEdit;
    QLabel *m_notice;
    QSpinBox *m_length;
    QSpinBox *m_concurrency;
    QDoubleSpinBox *m_utilization;
    QLabel *m_targetLabel;
    FitBar *m_bar;
    std::map<Figure, QLabel *> m_figures;
    DiagnosticsModel *m_diagnostics;
    QTreeView *m_diagnosticsView;
};

} // namespace quantcfg::ui
