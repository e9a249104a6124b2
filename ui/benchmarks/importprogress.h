#pragma once

#include <QObject>

class QProgressDialog;
class QWidget;

namespace quantcfg::ui {

class BenchmarkImporter;

/// Shows a running import's progress in a window-modal dialog (after 400 ms, so quick imports
/// show none) whose Cancel stops the import; the dialog goes when the import finishes.
class ImportProgress final : public QObject
{
    Q_OBJECT

public:
    /// Follows @p importer; the dialog belongs to @p window.
    ImportProgress(BenchmarkImporter *importer, QWidget *window);

    /// Call right after the importer was started.
    void begin();

private:
    void end();

    BenchmarkImporter *m_importer;
    QWidget *m_window;
    QProgressDialog *m_dialog = nullptr;
};

} // namespace quantcfg::ui
