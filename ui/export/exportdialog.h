#pragma once

#include "export/csvexport.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QTimer>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace te {

class GroupReference;
class TimingDataset;

/// File > Export Summary: choose what to export (all runs, the current filter or
/// the selection), how (one row per run, per group, or long), which columns, and
/// an Excel-friendly format; the preview shows the first 20 rows exactly as they
/// will be written. The engine is the same as `timing-explorer summary`'s.
class ExportDialog final : public QDialog
{
    Q_OBJECT
public:
    struct Scope
    {
        std::vector<std::uint32_t> all, filtered, selected;
    };

    ExportDialog(std::shared_ptr<const TimingDataset> data, std::shared_ptr<const GroupReference> reference,
        Scope scope, QStringList loadedFiles, QWidget* parent = nullptr);
    ~ExportDialog() override; ///< cancels and waits for an export in progress

    /// The request the dialog's choices make; nullopt with `error` when they cannot be exported.
    std::optional<CsvExportRequest> request(QString* error) const;
    std::vector<std::uint32_t> scopeRuns() const;
    /// The preview's bytes (exactly the file's first bytes).
    QByteArray previewBytes() const { return m_previewBytes; }
    /// Writes to `path` off the GUI thread, with progress and Cancel in the dialog;
    /// `exportFinished` tells how it went. Used by the Export button and by tests.
    void startExport(const QString& path);
    bool isExporting() const { return m_export.isRunning(); }
    /// The seed's hybrid layout: `<name>_summary.csv` beside the loaded JSONL.
    QString summaryPathBesideInput() const;

protected:
    void done(int result) override; ///< remembers the settings however the dialog closes

signals:
    /// `message` names the file and the reason on failure; "cancelled" when cancelled.
    void exportFinished(bool ok, const QString& path, const QString& message);

private:
    void buildUi();
    void applyPreset(const QString& name);
    void updatePreview();
    void chooseFile();
    void saveSettings() const;
    void restoreSettings();
    void addColumnMenu();

    std::shared_ptr<const TimingDataset> m_data;
    std::shared_ptr<const GroupReference> m_reference;
    Scope m_scope;
    QStringList m_loadedFiles;
    QByteArray m_previewBytes;

    QButtonGroup* m_scopeGroup;
    QComboBox* m_layout;
    QComboBox* m_preset;
    QListWidget* m_columns;
    QComboBox* m_groupBy;
    QListWidget* m_statistics;
    QComboBox* m_headers;
    QComboBox* m_decimal;
    QSpinBox* m_precision;
    QComboBox* m_unit;
    QComboBox* m_delimiter;
    QCheckBox* m_bom;
    QCheckBox* m_crlf;
    QComboBox* m_timestamps;
    QCheckBox* m_guard;
    QPlainTextEdit* m_preview;
    QLabel* m_status;
    QPushButton* m_besideInput;
    QPushButton* m_exportButton;
    QPushButton* m_cancelExport;
    QProgressBar* m_progress;
    QFutureWatcher<std::pair<bool, QString>> m_export;
    QTimer m_progressTicker;
    std::atomic<bool> m_cancel { false };
    std::atomic<int> m_permille { 0 };
    QString m_exportPath;
};

} // namespace te
