#include "models/problemlistmodel.h"
#include "testsupport.h"
#include "ui/runs/problemsdock.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>

using namespace te;
using namespace te::test;

class TestProblemsDock : public QObject
{
    Q_OBJECT

    struct Parts
    {
        QTableView* table;
        QPlainTextEdit* rawLine;
        QComboBox* severity;
        QLabel* empty;
    };

    static Parts parts(ProblemsDock& dock)
    {
        Parts p { dock.findChild<QTableView*>(u"problemsTable"_qs),
            dock.findChild<QPlainTextEdit*>(u"problemRawLine"_qs),
            dock.findChild<QComboBox*>(u"problemsSeverityFilter"_qs),
            dock.findChild<QLabel*>(u"problemsEmptyState"_qs) };
        if (!p.table || !p.rawLine || !p.severity || !p.empty)
            qFatal("the dock's widgets have lost their object names");
        return p;
    }

    /// The view row showing `line` of the file named `fileName`; -1 when none.
    static int rowOf(const QTableView* table, const QString& fileName, qint64 line)
    {
        const QAbstractItemModel* model = table->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, ProblemListModel::FileColumn).data().toString() == fileName
                && model->index(row, ProblemListModel::LineColumn)
                        .data(ProblemListModel::SortRole)
                        .toLongLong()
                    == line)
                return row;
        }
        return -1;
    }

    static QPoint centerOf(const QTableView* table, int row)
    {
        return table->visualRect(table->model()->index(row, ProblemListModel::MessageColumn)).center();
    }

    /// What a user's double-click delivers to a widget: press, release, then the
    /// double-click event (QTest::mouseDClick alone sends only the last one).
    static void doubleClick(QTableView* table, int row)
    {
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centerOf(table, row));
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centerOf(table, row));
        QTest::mouseRelease(table->viewport(), Qt::LeftButton, {}, centerOf(table, row));
    }

    static bool showDock(ProblemsDock& dock)
    {
        dock.resize(900, 500);
        dock.show();
        return QTest::qWaitForWindowExposed(&dock);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // settings stay out of ~/.config

    void clickShowsTheRawLine()
    {
        ProblemsDock dock;
        const Parts p = parts(dock);
        QAbstractItemModelTester tester(
            p.table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dock.setProblems(loadFixtures({ u"malformed.jsonl"_qs }).problems);
        QVERIFY(showDock(dock));
        QCOMPARE(p.table->model()->rowCount(), 4);
        QVERIFY(p.empty->isHidden() || !p.empty->isVisible());

        const int row = rowOf(p.table, u"malformed.jsonl"_qs, 2);
        QVERIFY(row >= 0);
        QTest::mouseClick(p.table->viewport(), Qt::LeftButton, {}, centerOf(p.table, row));
        QCOMPARE(p.rawLine->toPlainText(), u"{\"registration_id\":\"X\",\"total_seconds\":"_qs);

        const int other = rowOf(p.table, u"malformed.jsonl"_qs, 6);
        QTest::mouseClick(p.table->viewport(), Qt::LeftButton, {}, centerOf(p.table, other));
        QCOMPARE(p.rawLine->toPlainText(), u"not json at all"_qs);

        // Sorting moves rows; the click still shows the line of the row under the mouse.
        p.table->sortByColumn(ProblemListModel::LineColumn, Qt::DescendingOrder);
        QCOMPARE(rowOf(p.table, u"malformed.jsonl"_qs, 7), 0);
        QTest::mouseClick(p.table->viewport(), Qt::LeftButton, {}, centerOf(p.table, 0));
        QCOMPARE(p.rawLine->toPlainText(), u"[1,2,3]"_qs);
    }

    void invalidUtf8IsShownWithReplacementCharacters()
    {
        ProblemsDock dock;
        const Parts p = parts(dock);
        dock.setProblems(loadFixtures({ u"invalid_utf8.jsonl"_qs }).problems);
        QVERIFY(showDock(dock));
        const int row = rowOf(p.table, u"invalid_utf8.jsonl"_qs, 2);
        QVERIFY(row >= 0);
        QTest::mouseClick(p.table->viewport(), Qt::LeftButton, {}, centerOf(p.table, row));
        const QString shown = p.rawLine->toPlainText();
        QVERIFY2(shown.contains(QChar::ReplacementCharacter), qPrintable(shown));
        QVERIFY(shown.endsWith(u" bad\",\"total_seconds\":1}"_qs));
    }

    void fileWideProblemShowsItsMessage()
    {
        ProblemsDock dock;
        const Parts p = parts(dock);
        dock.setProblems({ { Problem::Severity::Error, u"/nowhere/gone.jsonl"_qs, 0, 0,
            u"cannot read: no such file"_qs, -1 } });
        QVERIFY(showDock(dock));
        QTest::mouseClick(p.table->viewport(), Qt::LeftButton, {}, centerOf(p.table, 0));
        QCOMPARE(p.rawLine->toPlainText(), u"cannot read: no such file"_qs);
    }

    void longLinesAreCutAndMissingFilesSaidSo()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"long.jsonl"_qs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(qsizetype { 100 } * 1024, 'x') + "\n");
        file.close();

        ProblemsDock dock;
        const Parts p = parts(dock);
        dock.setProblems({ { Problem::Severity::Error, path, 1, 0, u"line too long"_qs, -1 },
            { Problem::Severity::Error, dir.filePath(u"gone.jsonl"_qs), 3, 0, u"malformed JSON"_qs, -1 } });
        QVERIFY(showDock(dock));
        QTest::mouseClick(p.table->viewport(), Qt::LeftButton, {}, centerOf(p.table, 0));
        const QString marker = u"… (line truncated at 64 KiB)"_qs;
        QVERIFY(p.rawLine->toPlainText().endsWith(marker));
        QCOMPARE(p.rawLine->toPlainText().size(), qsizetype { 64 } * 1024 + marker.size());

        QTest::mouseClick(p.table->viewport(), Qt::LeftButton, {}, centerOf(p.table, 1));
        QVERIFY2(
            p.rawLine->toPlainText().contains(u"cannot be read"_qs), qPrintable(p.rawLine->toPlainText()));
    }

    void severityFilter()
    {
        ProblemsDock dock;
        const Parts p = parts(dock);
        // 4 errors from malformed.jsonl and one warning from duplicates.jsonl.
        dock.setProblems(loadFixtures({ u"malformed.jsonl"_qs, u"duplicates.jsonl"_qs }).problems);
        QCOMPARE(p.table->model()->rowCount(), 5);
        p.severity->setCurrentIndex(p.severity->findText(u"Warnings"_qs));
        QCOMPARE(p.table->model()->rowCount(), 1);
        QCOMPARE(p.table->model()->index(0, ProblemListModel::FileColumn).data().toString(),
            u"duplicates.jsonl"_qs);
        p.severity->setCurrentIndex(p.severity->findText(u"Errors"_qs));
        QCOMPARE(p.table->model()->rowCount(), 4);
        p.severity->setCurrentIndex(p.severity->findText(u"Info"_qs));
        QCOMPARE(p.table->model()->rowCount(), 0);
        p.severity->setCurrentIndex(p.severity->findText(u"All"_qs));
        QCOMPARE(p.table->model()->rowCount(), 5);
    }

    void doubleClickOnAKeptRunActivatesIt()
    {
        ProblemsDock dock;
        const Parts p = parts(dock);
        QSignalSpy activated(&dock, &ProblemsDock::runActivated);
        // malformed.jsonl keeps 4 runs; the duplicate is the second run of duplicates.jsonl.
        dock.setProblems(loadFixtures({ u"malformed.jsonl"_qs, u"duplicates.jsonl"_qs }).problems);
        QVERIFY(showDock(dock));
        // A rejected line has no run: nothing to select.
        QSignalSpy viewDoubleClicks(p.table, &QAbstractItemView::doubleClicked);
        doubleClick(p.table, rowOf(p.table, u"malformed.jsonl"_qs, 2));
        QCOMPARE(viewDoubleClicks.count(), 1);
        QCOMPARE(activated.count(), 0);
        doubleClick(p.table, rowOf(p.table, u"duplicates.jsonl"_qs, 2));
        QCOMPARE(viewDoubleClicks.count(), 2);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toLongLong(), 5);
    }

    void emptyState()
    {
        ProblemsDock dock;
        const Parts p = parts(dock);
        dock.setProblems(loadFixtures({ u"malformed.jsonl"_qs }).problems);
        QVERIFY(showDock(dock));
        QVERIFY(!p.empty->isVisible());
        dock.setProblems({});
        QVERIFY(p.empty->isVisible());
        QCOMPARE(p.empty->text(), u"No problems: every line loaded."_qs);
        QVERIFY(!p.table->isVisible());
        QVERIFY(p.rawLine->toPlainText().isEmpty());
    }
};

QTEST_MAIN(TestProblemsDock)
#include "tst_problemsdock.moc"
