#pragma once

#include "core/hardware/detect.h"
#include "core/hardware/gputarget.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QTableView;

namespace quantcfg::ui {

class MatrixModel;
class StudioSession;

/// The "Hardware matrix" tab: the core compatibility matrix for one engine version (or all engines
/// summarised), a banner naming the detected GPU, whose column is highlighted, the current
/// method's row highlighted, a legend, and CSV / PNG export. Double-clicking a cell asks to apply
/// that method and architecture (applyRequested); the main window does it through the document.
/// Its objectName is "HardwareTab"; the engine picker, banner and table are "MatrixEngine",
/// "DetectionBanner" and "MatrixView".
class HardwareTab final : public QWidget
{
    Q_OBJECT

public:
    /// Shows @p session's GPU detection in the banner and highlights its GPU's column, following it.
    explicit HardwareTab(StudioSession *session, QWidget *parent = nullptr);

    MatrixModel *model() const { return m_model; }

    /// Highlights the row of the configuration's method.
    void setConfigMethod(const QString &method);
    /// Shows the matrix of "engine@version", or the summary of all engines for an empty spec.
    void selectEngine(const QString &spec);

    /// Writes the matrix as CSV / the table as PNG to @p path; false with @p error on failure.
    bool exportCsv(const QString &path, QString *error = nullptr) const;
    bool exportPng(const QString &path, QString *error = nullptr) const;

    /// The banner text for @p detection: "Detected: NAME — sm_90 Hopper, 80 GiB, driver 580.65" or
    /// "No NVIDIA GPU detected — choose a target".
    /// With a @p target of another architecture than the detected GPU's, the banner says which
    /// GPU the highlighted column and the commands are for.
    static QString bannerText(const Detection &detection, const std::optional<GpuTarget> &target = std::nullopt);

signals:
    /// The user double-clicked a cell: apply @p method for compute capability @p computeCapability.
    void applyRequested(const QString &method, int computeCapability);
    /// A message for the status bar.
    void message(const QString &text);

private:
    void rebuild();
    void exportInteractive(bool png);
    /// Shows the session's detection; nothing yet = still detecting.
    void showDetection();
    /// Highlights the session's target GPU's column and scrolls to it.
    void showTarget();

    StudioSession *m_session;
    MatrixModel *m_model;
    QComboBox *m_engines;
    QLabel *m_banner;
    QTableView *m_view;
};

} // namespace quantcfg::ui
