#pragma once

#include "core/hardware/gputarget.h"

#include <QComboBox>

#include <optional>
#include <vector>

class QProcess;

namespace quantcfg::ui {

/// The "Target GPU" combo box of the toolbar: no target, the detected GPU (detection runs in a
/// separate process, never blocking the UI thread), or a compute capability chosen by hand.
class TargetGpuPicker final : public QComboBox
{
    Q_OBJECT

public:
    explicit TargetGpuPicker(QWidget *parent = nullptr);
    ~TargetGpuPicker() override;

    /// Starts detection; when a GPU is found it is added and, unless @p keepId names another
    /// entry the user chose before, selected.
    void detect(const QString &keepId = {});
    /// Selects the entry with id @p id ("none", "sm_90", "detected"); false if there is none.
    bool selectId(const QString &id);
    QString currentId() const;
    std::optional<GpuTarget> currentTarget() const;

    /// Parses one line of `nvidia-smi --query-gpu=name,compute_cap,memory.total --format=csv,noheader,nounits`.
    static std::optional<GpuTarget> parseNvidiaSmiLine(const QString &line);

signals:
    /// The chosen target changed (read currentTarget()).
    void targetChanged();

private:
    void addTarget(const QString &id, const QString &text, const GpuTarget &target);

    std::vector<GpuTarget> m_targets; // parallel to the items after "No target GPU"
    QProcess *m_process = nullptr;
};

} // namespace quantcfg::ui
