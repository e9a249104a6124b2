#pragma once

#include <QComboBox>

namespace quantcfg::ui {

class StudioSession;

/// The "Target GPU" combo box of the toolbar: a view of the session's target GPU. It lists the
/// session's choices (no target, the detected GPU once found, every GPU of the database, the bare
/// compute capabilities), shows the current one and hands the user's choice to the session. Its
/// objectName is "TargetGpuPicker".
class TargetGpuPicker final : public QComboBox
{
    Q_OBJECT

public:
    explicit TargetGpuPicker(StudioSession *session, QWidget *parent = nullptr);

private:
    void fill();
    void showCurrent();

    StudioSession *m_session;
};

} // namespace quantcfg::ui
