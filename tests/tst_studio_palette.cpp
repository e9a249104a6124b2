// The studio follows the system palette: on a dark desktop every text stays readable, and the
// colours the studio picks itself (severities, the fit bar) switch with the palette.
#include "core/presets.h"
#include "ui/state/configdocument.h"
#include "ui/window/mainwindow.h"
#include "ui/shared/statusstyle.h"

#include "studiotestutil.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace quantcfg;
using namespace quantcfg::ui;

namespace {

// A dark palette as a desktop in dark mode hands it to Qt (the values of a common dark theme).
QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x2d));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

// WCAG 2 contrast ratio of two colours (1 to 21).
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestStudioPalette : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        studiotest::isolateUserFiles(m_home);
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    }

    void severityColoursAreReadable_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addRow("light") << false;
        QTest::addRow("dark") << true;
    }

    // Severity colours are text colours: WCAG AA (4.5:1) on both the window and the list background.
    void severityColoursAreReadable()
    {
        QFETCH(bool, dark);
        const QPalette palette = dark ? darkPalette() : QApplication::style()->standardPalette();
        QCOMPARE(isDarkPalette(palette), dark);
        for (Severity severity : {Severity::Error, Severity::Warning, Severity::Info}) {
            const QColor colour = severityColor(severity, palette);
            for (QPalette::ColorRole background : {QPalette::Window, QPalette::Base}) {
                const double ratio = contrast(colour, palette.color(background));
                QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1 on role %2: %3:1").arg(severityText(severity)).arg(int(background)).arg(ratio)));
            }
        }
    }

    // The whole window on a dark desktop, at the two sizes the screenshots show: no widget keeps a
    // light background, every label is readable on its background. QCFG_SCREENSHOT_DIR, when set,
    // receives the pictures (tools/screenshots.sh puts them in docs/screenshots).
    void windowOnADarkDesktop_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }

    void windowOnADarkDesktop()
    {
        QFETCH(QSize, size);
        QApplication::setPalette(darkPalette());
        MainWindow w;
        // A preset with warnings and notes, so severity colours are on screen; chosen in the list,
        // as a user does.
        studiotest::choosePreset(&w, QStringLiteral("sglang-marlin-moe"));
        QCOMPARE(QString::fromStdString(w.document()->config().name.value_or("")), QStringLiteral("sglang-marlin-moe"));
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        for (const auto *view : w.findChildren<QAbstractItemView *>()) {
            if (view->isVisible())
                QVERIFY2(view->palette().color(QPalette::Base).lightness() < 128, qPrintable(view->objectName()));
        }
        for (const auto *edit : w.findChildren<QPlainTextEdit *>()) {
            if (edit->isVisible())
                QVERIFY2(contrast(edit->palette().color(QPalette::Text), edit->palette().color(QPalette::Base)) >= 4.5, qPrintable(edit->objectName()));
        }
        int checked = 0;
        for (const auto *label : w.findChildren<QLabel *>()) {
            if (!label->isVisible() || label->text().isEmpty())
                continue;
            const QPalette &p = label->palette();
            const QPalette::ColorGroup group = label->isEnabled() ? QPalette::Active : QPalette::Disabled;
            const double ratio = contrast(p.color(group, label->foregroundRole()), p.color(group, label->backgroundRole()));
            QVERIFY2(ratio >= (label->isEnabled() ? 4.5 : 2.5), qPrintable(QStringLiteral("label “%1”: %2:1").arg(label->text().left(60)).arg(ratio)));
            ++checked;
        }
        QVERIFY(checked > 10);

        const QString shots = qEnvironmentVariable("QCFG_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            QTest::qWait(100); // the posted layout requests run first (the panes' headers are sized by them)
            QVERIFY(w.grab().save(QDir(shots).filePath(QStringLiteral("studio-dark-%1.png").arg(QLatin1StringView(QTest::currentDataTag())))));
        }
        QApplication::setPalette(QApplication::style()->standardPalette());
    }
};

QTEST_MAIN(TestStudioPalette)
#include "tst_studio_palette.moc"
