#include "ui/window/targetgpupicker.h"

#include "ui/state/studiosession.h"

namespace quantcfg::ui {

TargetGpuPicker::TargetGpuPicker(StudioSession *session, QWidget *parent)
    : QComboBox(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("TargetGpuPicker"));
    setAccessibleName(tr("Target GPU"));
    setToolTip(tr("The GPU the commands are checked against"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setMaxVisibleItems(20);
    fill();
    connect(this, &QComboBox::currentIndexChanged, this, [this](int index) { m_session->setTargetGpuId(itemData(index).toString()); });
    connect(m_session, &StudioSession::targetChoicesChanged, this, &TargetGpuPicker::fill);
    connect(m_session, &StudioSession::targetGpuChanged, this, &TargetGpuPicker::showCurrent);
}

void TargetGpuPicker::fill()
{
    const QSignalBlocker blocker(this);
    clear();
    for (const StudioSession::TargetChoice &choice : m_session->targetChoices())
        addItem(choice.label, choice.id);
    showCurrent();
}

void TargetGpuPicker::showCurrent()
{
    const QSignalBlocker blocker(this);
    setCurrentIndex(findData(m_session->targetGpuId()));
}

} // namespace quantcfg::ui
