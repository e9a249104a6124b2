#pragma once

#include "core/hardware/gputarget.h"
#include "core/hardware/memoryfit.h"
#include "core/hardware/modelshape.h"
#include "core/hardware/checkpoint.h"

#include <QWidget>

#include <map>
#include <optional>
#include <string>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeView;

namespace quantcfg::ui {

class ConfigDocument;
class DiagnosticsModel;
class FitBar;
class StudioSession;

/// The "Memory fit" tab: a model's config.json (or model folder) against the configuration and the
/// target GPU — parameters, weights per GPU, KV bytes per token, KV capacity, the largest
/// concurrency at a chosen length, the longest length and the fewest GPUs that fit, and a fit bar,
/// recomputed by core's estimateFit() whenever the configuration, the target or an option changes.
/// The checkpoint's quantization metadata is checked against the configuration (checkCheckpoint)
/// and listed with the fit's own findings.
///
/// The model is the configuration's own (model.id_or_path) when it is a folder or config.json on
/// this machine; a Hugging Face id cannot be resolved offline yet, and the panel says so. A model
/// typed into the field or chosen with the buttons is fitted instead, until the configuration's
/// model changes or "Use the configuration's model" is pressed. The length and the memory fraction
/// start from the configuration's serving section and follow it; the fewest GPUs, the longest length
/// and the memory fraction can be written back into the configuration, each as one undo step.
class MemoryFitPanel final : public QWidget
{
    Q_OBJECT

public:
    /// The figures shown, one label each (tests read them through valueText()).
    enum class Figure {
        Model,
        Parameters,
        WeightFormat,
        Gpus,
        WeightsPerGpu,
        KvPerToken,
        KvCapacity,
        MaxConcurrency,
        LongestLength,
        FewestGpus,
        Verdict
    };
    /// Where the fitted model comes from.
    enum class Source { Configuration, Chosen };

    /// Reads the target GPU from @p session and follows it.
    MemoryFitPanel(ConfigDocument *document, StudioSession *session, QWidget *parent = nullptr);

    /// Reads @p path (config.json or a model folder) as a model chosen here; false (with the
    /// reason in notice() and the findings) when unusable.
    bool loadModel(const QString &path);
    /// Loads the model remembered from an earlier run (empty: none), unless the configuration's own
    /// model is fitted. When @p path no longer exists, nothing is loaded and the panel says so.
    void restoreModel(const QString &path);
    /// Fits the configuration's model again (after a model was chosen here).
    void useConfigurationModel();
    QString modelPath() const { return m_path; }
    Source source() const { return m_source; }
    /// The message above the figures: why no model is fitted, or that the remembered model no
    /// longer exists; empty when none.
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
    /// A model was chosen and loaded from @p path (absolute), so it can be remembered for the next run.
    void modelLoaded(const QString &path);

private:
    bool readModel(const QString &path);
    void followConfiguration();
    void onDocumentChanged();
    void syncServingOptions(bool initial);
    void recompute();
    void updateWriteButtons();
    void chooseModel(bool folder);
    void showNotice(const QString &text);
    void setFigure(Figure figure, const QString &text);

    ConfigDocument *m_document;
    StudioSession *m_session;
    Source m_source = Source::Configuration;
    QString m_path;
    std::string m_followedModel;       // the configuration's model when it was last followed
    std::optional<int> m_servedLength; // the configuration's serving values last seen
    std::optional<double> m_servedFraction;
    std::optional<ModelShape> m_shape;
    Diagnostics m_modelDiagnostics;
    std::optional<CheckpointQuantization> m_checkpoint;
    std::optional<FitEstimate> m_estimate;
    QLineEdit *m_pathEdit;
    QLabel *m_sourceLabel;
    QLabel *m_notice;
    QSpinBox *m_length;
    QSpinBox *m_concurrency;
    QDoubleSpinBox *m_utilization;
    QLabel *m_targetLabel;
    QPushButton *m_useConfigModel;
    QPushButton *m_useGpus;
    QPushButton *m_writeLength;
    QPushButton *m_writeFraction;
    FitBar *m_bar;
    std::map<Figure, QLabel *> m_figures;
    DiagnosticsModel *m_diagnostics;
    QTreeView *m_diagnosticsView;
};

} // namespace quantcfg::ui
