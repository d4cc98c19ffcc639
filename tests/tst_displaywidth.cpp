// The terminal width of names, and cutting them to fit: what the CLI tables align by.
#include "util/displaywidth.h"

#include <QTest>

using namespace te;

class TestDisplayWidth : public QObject
{
    Q_OBJECT

private slots:
    void widthOfScripts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("width");
        QTest::addRow("ascii") << u"openai_gpt4o"_qs << 12;
        QTest::addRow("empty") << QString() << 0;
        QTest::addRow("CJK is two columns a character") << u"模型甲"_qs << 6;
        QTest::addRow("fullwidth letters") << u"ＡＢ"_qs << 4;
        QTest::addRow("hangul") << u"모델"_qs << 4;
        QTest::addRow("emoji outside the BMP") << u"🚀rocket"_qs << 8;
        QTest::addRow("a combining accent adds nothing") << u"cafe\u0301"_qs << 4;
        QTest::addRow("hebrew is one column a letter") << u"מודל"_qs << 4;
        QTest::addRow("arabic") << u"نموذج"_qs << 5;
        QTest::addRow("isolates are invisible") << u"\u2068abc\u2069"_qs << 3;
    }
    void widthOfScripts()
    {
        QFETCH(QString, text);
        QFETCH(int, width);
        QCOMPARE(displayWidth(text), width);
    }

    void shortNamesAreKept()
    {
        QCOMPARE(elideMiddle(u"openai_gpt4o"_qs, 40), u"openai_gpt4o"_qs);
        const QString forty(40, u'x');
        QCOMPARE(elideMiddle(forty, 40), forty);
    }

    void longNamesLoseTheirMiddle()
    {
        const QString name = u"anthropic_claude_sonnet_4_20250514_extended_thinking_budget_8k"_qs;
        const QString cut = elideMiddle(name, 40);
        QCOMPARE(displayWidth(cut), 40);
        QCOMPARE(cut.count(u'…'), 1);
        // Both ends survive: that is where names sharing a prefix differ.
        QVERIFY2(cut.startsWith(u"anthropic_claude_son"_qs), qPrintable(cut));
        QVERIFY2(cut.endsWith(u"_thinking_budget_8k"_qs), qPrintable(cut));
    }

    void wideNamesAreCutByColumnsNotCharacters()
    {
        const QString name = QString(30, u'模'); // 60 columns
        const QString cut = elideMiddle(name, 40);
        QVERIFY2(displayWidth(cut) <= 40, qPrintable(cut));
        QVERIFY(displayWidth(cut) >= 39); // an odd column may be left over, never more
        QVERIFY(cut.contains(u'…'));
    }

    void surrogatePairsAndMarksStayWhole()
    {
        QString name;
        for (int i = 0; i < 30; ++i)
            name += u"🚀e\u0301"_qs; // a pictograph, then e with a combining acute
        const QString cut = elideMiddle(name, 21);
        QVERIFY(displayWidth(cut) <= 21);
        for (qsizetype i = 0; i < cut.size(); ++i) {
            if (cut[i].isHighSurrogate())
                QVERIFY(i + 1 < cut.size() && cut[i + 1].isLowSurrogate());
            if (cut[i].isLowSurrogate())
                QVERIFY(i > 0 && cut[i - 1].isHighSurrogate());
        }
        const qsizetype ellipsis = cut.indexOf(u'…');
        QVERIFY(ellipsis > 0);
        QVERIFY2(cut[ellipsis + 1] != QChar(0x0301), "a mark was cut from its base");
    }

    void paddingCountsColumns()
    {
        QCOMPARE(padToWidth(u"模型"_qs, 6, true), u"模型  "_qs);
        QCOMPARE(padToWidth(u"1.5"_qs, 6, false), u"   1.5"_qs);
        QCOMPARE(padToWidth(u"toolong"_qs, 3, true), u"toolong"_qs);
    }

    void rightToLeftNamesAreIsolated()
    {
        const QString padded = padToWidth(u"מודל"_qs, 6, true);
        QCOMPARE(padded, u"\u2068מודל\u2069  "_qs);
        QCOMPARE(displayWidth(padded), 6);
        QCOMPARE(padToWidth(u"gpt4o"_qs, 6, true), u"gpt4o "_qs); // no isolate where none is needed
    }
};

QTEST_GUILESS_MAIN(TestDisplayWidth)
#include "tst_displaywidth.moc"
