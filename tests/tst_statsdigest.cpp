// `stats` prints the same bytes as before its load was made lean: the CSV of a
// generated bench file (bench/gen_timings, deterministic; large enough to be read
// in two parts and merged) is compared by SHA-256 with what the earlier loader
// printed. A change to the output itself must update these digests on purpose.
#include "clisupport.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QTemporaryDir>

using namespace te::test;

class TestStatsDigest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_file;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("bench.jsonl"));
        QProcess generator;
        generator.start(QStringLiteral(TIMING_EXPLORER_GEN_TIMINGS), { QStringLiteral("20000"), m_file });
        QVERIFY(generator.waitForFinished(60000));
        QCOMPARE(generator.exitCode(), 0);
        QVERIFY(QFileInfo(m_file).size() > 8 << 20); // read in parts, then merged
    }

    void csvIsByteIdentical_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("sha256");
        QTest::addRow("by model, two metrics") << QStringList {
            u"--group-by"_qs, u"model"_qs, u"--metric"_qs, u"total"_qs, u"--metric"_qs, u"phase1"_qs
        } << QByteArray("dadd1a7c46df29b18d6108521708d1dbafcbc17575e4ab6972bd29d6195e202d");
        QTest::addRow("every metric, no groups")
            << QStringList {}
            << QByteArray("8240fd662a053d780fa3fb55a2f27e333cf771ac292fdeb3d3927be113852c70");
        QTest::addRow("by model and constellation")
            << QStringList { u"--group-by"_qs, u"model,constellation"_qs }
            << QByteArray("a38177f0cdf4fc2070195982f14d5266b9aa7a342fada67a66f5e0b5adc74b5c");
    }

    void csvIsByteIdentical()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, sha256);
        const CliRun run = runCli(QStringList { u"stats"_qs, m_file, u"--format"_qs, u"csv"_qs } + arguments);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QCryptographicHash::hash(run.out.toUtf8(), QCryptographicHash::Sha256).toHex(), sha256);
    }
};

QTEST_GUILESS_MAIN(TestStatsDigest)
#include "tst_statsdigest.moc"
