// FieldColumn: one metadata field across runs as dictionary codes, code 0 meaning
// "no value"; what its header promises about codes, interning, text and the
// follow-mode operations (append, truncate).
#include "data/fieldcolumn.h"

#include <QTest>
#include <string>
#include <thread>

using namespace te;

class TestFieldColumn : public QObject
{
    Q_OBJECT

    static QString textOf(const FieldColumn& column, std::uint32_t run)
    {
        return column.text(column.code(run));
    }

private slots:
    void codesTakeAsManyBytesAsTheLargestNeeds()
    {
        CodeArray codes;
        codes.resize(3);
        QCOMPARE(codes.width(), std::size_t { 1 });
        codes.set(1, 255);
        QCOMPARE(codes.width(), std::size_t { 1 });
        codes.set(2, 256);
        QCOMPARE(codes.width(), std::size_t { 2 });
        codes.push_back(70'000);
        QCOMPARE(codes.width(), std::size_t { 4 });
        QCOMPARE(codes.size(), std::size_t { 4 });
        const std::uint32_t expected[] = { 0, 255, 256, 70'000 };
        for (std::size_t i = 0; i < 4; ++i)
            QCOMPARE(codes[i], expected[i]);
        const CodeArray copy = codes.copyWithRoom(10);
        QVERIFY(copy.capacity() >= 14);
        QCOMPARE(copy.width(), std::size_t { 4 });
        for (std::size_t i = 0; i < 4; ++i)
            QCOMPARE(copy[i], expected[i]);
        CodeArray filled;
        filled.assign(5, 300);
        QCOMPARE(filled.width(), std::size_t { 2 });
        QCOMPARE(filled[4], 300u);
    }

    void aFieldOfFewValuesTakesAByteARun()
    {
        FieldColumn column;
        for (std::uint32_t run = 0; run < 10'000; ++run)
            column.set(run, "model" + std::to_string(run % 6));
        QCOMPARE(column.bytesPerRun(), std::size_t { 1 });
        QCOMPARE(textOf(column, 9'999), u"model3"_qs);
    }

    void anEmptyColumnHasOnlyNoValue()
    {
        const FieldColumn column;
        QCOMPARE(column.dictionary().size(), 1u);
        QVERIFY(column.dictionary()[0].empty());
        QCOMPARE(column.code(0), 0u);
        QCOMPARE(column.code(1'000'000), 0u);
        QCOMPARE(column.text(0), QString());
        QCOMPARE(column.codeOf("openai_gpt4o"), 0u);
        QCOMPARE(column.codeOf(""), 0u);
    }

    void equalValuesShareOneCode()
    {
        FieldColumn column;
        column.set(0, "openai_gpt4o");
        column.set(1, "zai_glm4_5_air");
        column.set(2, "openai_gpt4o");
        QCOMPARE(column.dictionary().size(), 3u); // "", and the two models once each
        QCOMPARE(column.code(0), column.code(2));
        QVERIFY(column.code(0) != column.code(1));
        QVERIFY(column.code(0) != 0);
        QCOMPARE(column.codeOf("openai_gpt4o"), column.code(0));
        QCOMPARE(column.codeOf("zai_glm4_5_air"), column.code(1));
        QCOMPARE(column.codeOf("openai"), 0u); // a prefix is another value
        QCOMPARE(textOf(column, 0), u"openai_gpt4o"_qs);
        QCOMPARE(textOf(column, 1), u"zai_glm4_5_air"_qs);
        QCOMPARE(textOf(column, 2), u"openai_gpt4o"_qs);
    }

    void internIsIdempotentAndTheEmptyValueIsCodeZero()
    {
        FieldColumn column;
        const std::uint32_t code = column.intern("p1m1c");
        QCOMPARE(column.intern("p1m1c"), code);
        QCOMPARE(column.intern(""), 0u);
        QCOMPARE(column.dictionary().size(), 2u);
        // Interning takes a view: a value built elsewhere finds the same code.
        const std::string copy = std::string("p1m1") + "c";
        QCOMPARE(column.intern(copy), code);
        column.set(0, "");
        QCOMPARE(column.code(0), 0u);
    }

    void runsNeverSetReadAsNoValue()
    {
        FieldColumn column;
        column.set(0, "a");
        column.set(3, "b"); // runs 1 and 2 have no value
        QCOMPARE(column.code(1), 0u);
        QCOMPARE(column.code(2), 0u);
        QCOMPARE(textOf(column, 1), QString());
        QCOMPARE(column.code(4), 0u);
        QCOMPARE(column.code(5), 0u);
        QCOMPARE(textOf(column, 3), u"b"_qs);
    }

    void setCodeUsesAnInternedCode()
    {
        FieldColumn column;
        const std::uint32_t code = column.intern("shared");
        column.setCode(0, code);
        column.setCode(2, code);
        QCOMPARE(textOf(column, 0), u"shared"_qs);
        QCOMPARE(textOf(column, 1), QString());
        QCOMPARE(textOf(column, 2), u"shared"_qs);
    }

    void textOfAnUnknownCodeIsEmpty()
    {
        FieldColumn column;
        column.set(0, "a");
        QCOMPARE(column.text(1), u"a"_qs);
        QCOMPARE(column.text(2), QString());
        QCOMPARE(column.text(0xffffffffu), QString());
    }

    void textFollowsValuesInternedAfterItWasRead()
    {
        // text() caches its conversions; a value added later must still convert.
        FieldColumn column;
        column.set(0, "first");
        QCOMPARE(column.text(1), u"first"_qs);
        column.set(1, "second");
        QCOMPARE(column.text(2), u"second"_qs);
        QCOMPARE(column.text(1), u"first"_qs);
    }

    void unicodeValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addRow("accents") << u"modèle-été"_qs;
        QTest::addRow("cjk") << u"模型_日本語"_qs;
        QTest::addRow("emoji") << u"run 🚀 fast"_qs;
        QTest::addRow("long") << QString(300, u'é');
        QTest::addRow("a megabyte") << QString(1 << 20, u'x');
    }

    void unicodeValues()
    {
        QFETCH(QString, value);
        const QByteArray utf8 = value.toUtf8();
        FieldColumn column;
        column.set(0, std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
        QCOMPARE(textOf(column, 0), value);
        QCOMPARE(column.codeOf(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size()))),
            column.code(0));
    }

    void valuesThatDifferInOneByteAreDistinct_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addRow("last of eight") << QByteArray("abcdefgh") << QByteArray("abcdefgi");
        QTest::addRow("after eight") << QByteArray("abcdefghX") << QByteArray("abcdefghY");
        QTest::addRow("length only") << QByteArray("aaaaaaaa") << QByteArray("aaaaaaaaa");
        QTest::addRow("embedded NUL") << QByteArray("a\0b", 3) << QByteArray("a\0c", 3);
        QTest::addRow("trailing NUL") << QByteArray("a") << QByteArray("a\0", 2);
        QTest::addRow("case") << QByteArray("Model") << QByteArray("model");
    }

    void valuesThatDifferInOneByteAreDistinct()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        FieldColumn column;
        const std::string_view va(a.constData(), static_cast<std::size_t>(a.size()));
        const std::string_view vb(b.constData(), static_cast<std::size_t>(b.size()));
        const std::uint32_t ca = column.intern(va);
        const std::uint32_t cb = column.intern(vb);
        QVERIFY(ca != cb);
        QCOMPARE(column.codeOf(va), ca);
        QCOMPARE(column.codeOf(vb), cb);
        QCOMPARE(column.dictionary()[ca], std::string(va));
        QCOMPARE(column.dictionary()[cb], std::string(vb));
    }

    void hundredThousandRegistrationIds()
    {
        // The dictionary grows far past its first table; every value keeps its code.
        constexpr std::uint32_t runs = 100'000;
        FieldColumn column;
        for (std::uint32_t run = 0; run < runs; ++run)
            column.set(run, "SPUS" + std::to_string(run));
        QCOMPARE(column.dictionary().size(), std::size_t { runs } + 1);
        for (std::uint32_t run = 0; run < runs; run += 997) {
            const std::string id = "SPUS" + std::to_string(run);
            QCOMPARE(column.codeOf(id), column.code(run));
            QCOMPARE(column.dictionary()[column.code(run)], id);
        }
        QCOMPARE(textOf(column, runs - 1), u"SPUS99999"_qs);
        QCOMPARE(column.codeOf("SPUS100000"), 0u);
        // Setting the values again adds none.
        for (std::uint32_t run = 0; run < runs; ++run)
            column.set(run, "SPUS" + std::to_string(run));
        QCOMPARE(column.dictionary().size(), std::size_t { runs } + 1);
    }

    void appendShiftsRunsAndRemapsCodes()
    {
        FieldColumn column;
        column.set(0, "a");
        column.set(1, "b");
        FieldColumn other;
        other.set(0, "c");
        other.set(1, "a");
        other.set(3, "c"); // run 2 of `other` has no value
        column.append(other, 3); // run 2 of `column` has no value

        QCOMPARE(textOf(column, 0), u"a"_qs);
        QCOMPARE(textOf(column, 1), u"b"_qs);
        QCOMPARE(column.code(2), 0u);
        QCOMPARE(textOf(column, 3), u"c"_qs);
        QCOMPARE(textOf(column, 4), u"a"_qs);
        QCOMPARE(column.code(5), 0u);
        QCOMPARE(textOf(column, 6), u"c"_qs);
        // A value in both columns is one code after the append.
        QCOMPARE(column.code(4), column.code(0));
        QCOMPARE(column.dictionary().size(), 4u);
        QCOMPARE(column.codeOf("c"), column.code(3));
    }

    void appendingAnEmptyColumnPadsWithNoValue()
    {
        FieldColumn column;
        column.set(0, "a");
        FieldColumn other;
        column.append(other, 1);
        QCOMPARE(textOf(column, 0), u"a"_qs);
        QCOMPARE(column.code(1), 0u);
        QCOMPARE(column.code(2), 0u);
        QCOMPARE(column.dictionary().size(), 2u);
    }

    // fill(): a one-file load gives every run its source. On an empty column that is
    // one code for all runs, and whatever changes the column later sees it as set.
    void fillGivesEveryRunWithoutAValueThatValue()
    {
        FieldColumn empty;
        empty.fill(3, "runs.jsonl");
        for (std::uint32_t run = 0; run < 3; ++run)
            QCOMPARE(textOf(empty, run), u"runs.jsonl"_qs);
        QCOMPARE(empty.code(3), 0u);

        FieldColumn grown = empty;
        grown.set(4, "late.jsonl"); // run 3 stays without a value
        QCOMPARE(textOf(grown, 2), u"runs.jsonl"_qs);
        QCOMPARE(grown.code(3), 0u);
        QCOMPARE(textOf(grown, 4), u"late.jsonl"_qs);

        FieldColumn appended;
        appended.set(0, "first.jsonl");
        appended.append(empty, 2);
        QCOMPARE(textOf(appended, 0), u"first.jsonl"_qs);
        QCOMPARE(appended.code(1), 0u);
        for (std::uint32_t run = 2; run < 5; ++run)
            QCOMPARE(textOf(appended, run), u"runs.jsonl"_qs);

        FieldColumn truncated = empty;
        truncated.truncate(1);
        QCOMPARE(textOf(truncated, 0), u"runs.jsonl"_qs);
        QCOMPARE(truncated.code(1), 0u);

        FieldColumn partly;
        partly.set(1, "own.jsonl");
        partly.fill(3, "runs.jsonl");
        QCOMPARE(textOf(partly, 0), u"runs.jsonl"_qs);
        QCOMPARE(textOf(partly, 1), u"own.jsonl"_qs);
        QCOMPARE(textOf(partly, 2), u"runs.jsonl"_qs);
    }

    void truncateDropsRunsAndKeepsTheDictionary()
    {
        FieldColumn column;
        for (std::uint32_t run = 0; run < 5; ++run)
            column.set(run, run % 2 ? "odd" : "even");
        column.truncate(2);
        QCOMPARE(textOf(column, 0), u"even"_qs);
        QCOMPARE(textOf(column, 1), u"odd"_qs);
        QCOMPARE(column.code(2), 0u);
        QCOMPARE(column.code(4), 0u);
        QVERIFY(column.codeOf("even") != 0); // codes stay valid for a follower that re-reads
        // Re-reading the removed runs sets them again.
        column.set(2, "again");
        QCOMPARE(textOf(column, 2), u"again"_qs);
        // Truncating past the end changes nothing.
        column.truncate(100);
        QCOMPARE(textOf(column, 2), u"again"_qs);
    }

    // Views and charts read a shared dataset's fields from several threads at
    // once; the first reads convert the dictionary. Each must see every value.
    void textFromManyThreadsAtOnce()
    {
        FieldColumn column;
        for (std::uint32_t run = 0; run < 20000; ++run)
            column.set(run, "registration-" + std::to_string(run));
        std::vector<int> wrong(8, 0);
        std::vector<std::thread> readers;
        readers.reserve(wrong.size());
        for (int& count : wrong) {
            readers.emplace_back([&column, &count] {
                for (std::uint32_t run = 0; run < 20000; ++run) {
                    if (column.text(column.code(run)) != QStringLiteral("registration-%1").arg(run))
                        ++count;
                }
            });
        }
        for (std::thread& reader : readers)
            reader.join();
        QCOMPARE(wrong, std::vector<int>(8, 0));
        const FieldColumn copy = column; // a copy converts on its own
        QCOMPARE(copy.text(copy.code(19999)), u"registration-19999"_qs);
    }
};

QTEST_APPLESS_MAIN(TestFieldColumn)
#include "tst_fieldcolumn.moc"
