#pragma once

#include "core/hardware/detect.h"
#include "core/hardware/gputarget.h"

#include <QComboBox>

#include <memory>
#include <optional>
#include <vector>

class QThread;

namespace quantcfg::ui {

/// The "Target GPU" combo box of the toolbar: no target, the detected GPU (core's detectGpus()
/// runs on a worker thread, never blocking the UI thread), every GPU of the database, and the
/// bare compute capabilities.
class TargetGpuPicker final : public QComboBox
{
    Q_OBJECT

public:
    explicit TargetGpuPicker(QWidget *parent = nullptr);
    ~TargetGpuPicker() override;

    /// Starts detection; when a GPU is found it is added and, unless @p keepId names another
    /// entry the user chose before, selected.
    void detect(const QString &keepId = {});
    /// Selects the entry with id @p id ("none", "sm_90", "gpu:H100 SXM", "detected"); false if none.
    bool selectId(const QString &id);
    QString currentId() const;
    std::optional<GpuTarget> currentTarget() const;
    /// The last detection result (empty before detection finished).
    const std::optional<Detection> &detection() const { return m_detection; }

signals:
    /// The chosen target changed (read currentTarget()).
    void targetChanged();
    /// Detection finished (read detection()).
    void detectionFinished();

private:
    void addTarget(const QString &id, const QString &text, const GpuTarget &target);
    void applyDetection(const Detection &detection, const QString &keepId);

    std::vector<GpuTarget> m_targets; // parallel to the items after "No target GPU"
    std::optional<Detection> m_detection;
    QThread *m_thread = nullptr;
};

} // namespace quantcfg::ui
