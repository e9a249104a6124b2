#pragma once

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QApplication>
#include <QCoreApplication>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>
#include <QWidget>
#include <QtTest/qtestspontaneevent.h>

// Helpers for the studio's tests.
namespace studiotest {

/// Flattens a table model into lines "cell | cell | ..." so one QCOMPARE checks it all
/// (after hotspot's printModel).
inline QStringList printModel(const QAbstractItemModel &model, int role = Qt::DisplayRole)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column)
            cells << model.index(row, column).data(role).toString();
        lines << cells.join(QLatin1StringView(" | "));
    }
    return lines;
}

/// The descendant of @p parent of type T whose objectName is @p name. The studio names the widgets
/// a user acts on (see "Tests" in docs/architecture.md); tests find them as automation tools do.
/// Aborts the test with the missing name rather than hand back nullptr.
template<typename T>
T *child(const QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qFatal("no %s named \"%s\"", T::staticMetaObject.className(), qPrintable(name));
    return found;
}
template<typename T>
T *child(const QObject *parent, const char *name)
{
    return child<T>(parent, QString::fromUtf8(name));
}

/// Chooses the preset named @p name in the preset list ("PresetList") of @p window, as a user
/// clicking it does.
inline void choosePreset(const QObject *window, const QString &name)
{
    auto *list = child<QAbstractItemView>(window, "PresetList");
    const QModelIndexList hits = list->model()->match(list->model()->index(0, 0), Qt::DisplayRole, name, -1, Qt::MatchExactly);
    QCOMPARE(hits.size(), 1);
    list->setCurrentIndex(hits.front());
}

/// Names the application like the studio does and points QSettings, the user preset folder and
/// the autosave folder at a fresh temporary directory, so tests neither read nor change the
/// developer's files. Call from initTestCase(); it fails the test case if the isolation did not
/// take.
inline void isolateUserFiles(const QTemporaryDir &dir)
{
    QVERIFY(dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("quantcfg"));
    QCoreApplication::setApplicationName(QStringLiteral("quantcfg-studio"));
    qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", dir.filePath(QStringLiteral("data")).toLocal8Bit());
    QVERIFY2(QSettings().fileName().startsWith(dir.path()), qPrintable(QSettings().fileName()));
}

/// Turns the mouse wheel by @p notches (negative: down, towards the end of a page) over the middle
/// of @p widget, as the window system would: a spontaneous event, which QApplication passes up the
/// parents while each ignores it (a wheel event sent with QCoreApplication::sendEvent stops at the
/// widget it is sent to). Offscreen, QTest has no wheel of its own.
inline void turnWheel(QWidget *widget, int notches)
{
    const QPointF local = QRectF(widget->rect()).center();
    QWheelEvent event(local, widget->mapToGlobal(local), QPoint(), QPoint(0, 120 * notches), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QSpontaneKeyEvent::setSpontaneous(&event);
    qApp->notify(widget, &event);
}

} // namespace studiotest
