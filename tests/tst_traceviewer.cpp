// File > Open in a Trace Viewer: the selected runs, or all shown ones, saved as a
// Chrome trace through the save dialog, which reads back as those runs.
#include "testsupport.h"
#include "windowsupport.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

using namespace te;
using namespace te::test;

class TestTraceViewer : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

    QString statusText() const { return m_window->findChild<QLabel*>(u"statusMessage"_qs)->text(); }

    static LoadResult loadTrace(const QString& path)
    {
        LoadOptions options;
        options.files = { path };
        return loadTimingFiles(options);
    }

    // Triggers the action and answers its save dialog with `path`.
    void triggerAndSaveAs(const QString& path)
    {
        bool answered = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->selectFile(path);
            QMetaObject::invokeMethod(dialog, &QDialog::accept); // protected in QFileDialog
            answered = true;
        });
        auto* action = m_window->findChild<QAction*>(u"traceViewerAction"_qs);
        QVERIFY(action);
        action->trigger();
        QVERIFY(answered);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings stay out of ~/.config
        // Qt's own dialog, which the test can answer, whatever the platform offers.
        QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
    }

    void init()
    {
        m_window = shownWindow(u"TimingExplorerTraceViewerTests"_qs, QSize(1200, 800));
        QVERIFY(m_window);
        QVERIFY(openFixtures(*m_window, { u"paired_10x2.jsonl"_qs }));
    }

    void cleanup() { m_window.reset(); }

    void savesEveryShownRunWhenNoneIsSelected()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"all.json"_qs);
        m_window->runsView()->table()->clearSelection();
        triggerAndSaveAs(path);
        const LoadResult back = loadTrace(path);
        QCOMPARE(back.files.front().format, u"Chrome trace"_qs);
        QVERIFY(back.problems.empty());
        QCOMPARE(back.dataset.runCount(), 20u);
        QVERIFY2(
            statusText().contains(u"Perfetto, speedscope or chrome://tracing"_qs), qPrintable(statusText()));
        QVERIFY2(statusText().contains(u"20 run"_qs), qPrintable(statusText()));
    }

    void theRunsTableOffersIt()
    {
        QTableView* table = m_window->runsView()->table();
        QCOMPARE(table->contextMenuPolicy(), Qt::ActionsContextMenu);
        QVERIFY(table->actions().contains(m_window->findChild<QAction*>(u"traceViewerAction"_qs)));
    }

    void savesTheSelectedRuns()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"two.json"_qs);
        clickRunRow(*m_window, 0);
        clickRunRow(*m_window, 3, Qt::ControlModifier);
        const TimingDataset& data = *m_window->currentData()->dataset;
        QStringList expected = { data.fieldValue(runOfRunRow(*m_window, 0), TimingDataset::RegistrationId),
            data.fieldValue(runOfRunRow(*m_window, 3), TimingDataset::RegistrationId) };
        triggerAndSaveAs(path);
        const LoadResult back = loadTrace(path);
        QCOMPARE(back.dataset.runCount(), 2u);
        QStringList ids;
        for (std::uint32_t run = 0; run < 2; ++run)
            ids << back.dataset.fieldValue(run, TimingDataset::RegistrationId);
        ids.sort();
        expected.sort();
        QCOMPARE(ids, expected);
    }

    void neverWritesOverAnInput()
    {
        const QString input = fixturePath(u"paired_10x2.jsonl"_qs);
        const QByteArray before = readAll(input);
        QVERIFY(!m_window->saveTrace(input));
        QCOMPARE(readAll(input), before);
        QVERIFY2(statusText().startsWith(u"cannot write"_qs), qPrintable(statusText()));
    }
};

QTEST_MAIN(TestTraceViewer)
#include "tst_traceviewer.moc"
