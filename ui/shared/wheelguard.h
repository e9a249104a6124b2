#pragma once

#include <QObject>

class QWidget;

namespace quantcfg::ui {

/// Keeps the mouse wheel from changing a setting by accident. Scrolling a page slides combo boxes,
/// spin boxes and sliders under the pointer, and Qt gives each the wheel as it passes: scrolling the
/// form changed Method from fp8 to marlin, then awq_marlin, and only the commands showed it.
/// Installed once on the application (MainWindow does), so every page, present and future, is
/// covered: such a control takes the wheel only while it has keyboard focus (a click or Tab gives
/// it); until then the wheel event passes to the widgets that hold it, and the page scrolls. Their
/// focus policy becomes Qt::StrongFocus when they are polished, so passing over one with the wheel
/// does not focus it either. Scroll bars keep the wheel.
class WheelGuard final : public QObject
{
    Q_OBJECT

public:
    explicit WheelGuard(QObject *parent = nullptr);

    bool eventFilter(QObject *watched, QEvent *event) override;

    /// True for the controls whose value the wheel changes: combo boxes, spin boxes, sliders and
    /// dials (not scroll bars).
    static bool guards(const QWidget *widget);
};

} // namespace quantcfg::ui
