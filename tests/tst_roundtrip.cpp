// Property: records generated with known values, written in every shape, load back
// with the same values, metadata and order.
#include "load/timingloader.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <charconv>

using namespace te;

namespace {

struct Record
{
    QString id;
    QString model;
    std::vector<std::vector<double>> phases; // phase -> items (seconds)
};

QString number(double v)
{
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
    return QString::fromLatin1(buffer, end - buffer);
}

double phaseTotal(const std::vector<double>& items)
{
    double sum = 0;
    for (const double v : items)
        sum += v;
    return sum;
}

std::vector<Record> generate(quint32 seed, int count)
{
    QRandomGenerator rng(seed);
    std::vector<Record> records;
    for (int i = 0; i < count; ++i) {
        Record r;
        r.id = QStringLiteral("REG%1 \"q\"").arg(i); // quotes exercise escaping
        r.model = QStringLiteral("model_%1").arg(rng.bounded(4));
        const int phases = 1 + static_cast<int>(rng.bounded(3));
        for (int p = 0; p < phases; ++p) {
            std::vector<double> items;
            const int n = 1 + static_cast<int>(rng.bounded(4));
            items.reserve(static_cast<std::size_t>(n));
            for (int k = 0; k < n; ++k)
                items.push_back(rng.generateDouble() * 100.0);
            r.phases.push_back(items);
        }
        records.push_back(r);
    }
    return records;
}

QString jsonString(const QString& s)
{
    return u'"' + QString(s).replace(u"\\"_qs, u"\\\\"_qs).replace(u"\""_qs, u"\\\""_qs) + u'"';
}

QString writeProposed(const Record& r)
{
    QStringList phases;
    double total = 0;
    for (std::size_t p = 0; p < r.phases.size(); ++p) {
        QStringList items;
        for (std::size_t k = 0; k < r.phases[p].size(); ++k)
            items << QStringLiteral("\"item%1_seconds\":%2").arg(k).arg(number(r.phases[p][k]));
        const double t = phaseTotal(r.phases[p]);
        total += t;
        phases << QStringLiteral("\"phase%1\":{\"total_seconds\":%2,\"breakdown\":{%3},\"agents\":[\"a%1\"]}")
                      .arg(p + 1)
                      .arg(number(t), items.join(u','));
    }
    return QStringLiteral("{\"run_metadata\":{\"registration_id\":%1,\"model\":%2},\"timings\":{\"total_"
                          "seconds\":%3,\"phases\":{%4}}}")
        .arg(jsonString(r.id), jsonString(r.model), number(total), phases.join(u','));
}

QString writeOption1(const Record& r)
{
    QStringList phases;
    for (std::size_t p = 0; p < r.phases.size(); ++p) {
        QStringList items { QStringLiteral("\"total\":%1").arg(number(phaseTotal(r.phases[p]))) };
        for (std::size_t k = 0; k < r.phases[p].size(); ++k)
            items << QStringLiteral("\"item%1\":%2").arg(k).arg(number(r.phases[p][k]));
        phases << QStringLiteral("\"phase%1\":{%2}").arg(p + 1).arg(items.join(u','));
    }
    return QStringLiteral("{\"registration_id\":%1,\"model\":%2,\"phases\":{%3}}")
        .arg(jsonString(r.id), jsonString(r.model), phases.join(u','));
}

QString writeFlat(const Record& r)
{
    QStringList fields { QStringLiteral("\"registration_id\":%1").arg(jsonString(r.id)),
        QStringLiteral("\"model\":%1").arg(jsonString(r.model)) };
    for (std::size_t p = 0; p < r.phases.size(); ++p) {
        fields
            << QStringLiteral("\"phase%1_total_seconds\":%2").arg(p + 1).arg(number(phaseTotal(r.phases[p])));
        for (std::size_t k = 0; k < r.phases[p].size(); ++k)
            fields << QStringLiteral("\"phase%1_item%2_seconds\":%3")
                          .arg(p + 1)
                          .arg(k)
                          .arg(number(r.phases[p][k]));
    }
    return u'{' + fields.join(u',') + u'}';
}

void writeFile(const QString& path, const QStringList& lines)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write((lines.join(u'\n') + u'\n').toUtf8());
}

} // namespace

class TestRoundTrip : public QObject
{
    Q_OBJECT
private slots:
    void generatedRecordsLoadBack_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<quint32>("seed");
        for (const char* shape : { "proposed", "option1", "flat" }) {
            for (quint32 seed : { 1u, 2u, 3u })
                QTest::addRow("%s seed %u", shape, seed) << QString::fromLatin1(shape) << seed;
        }
    }

    void generatedRecordsLoadBack()
    {
        QFETCH(QString, shape);
        QFETCH(quint32, seed);
        const auto records = generate(seed, 300);
        QStringList lines;
        for (const Record& r : records) {
            lines << (shape == u"proposed"_qs ? writeProposed(r)
                    : shape == u"option1"_qs  ? writeOption1(r)
                                              : writeFlat(r));
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(u"generated.jsonl"_qs);
        writeFile(path, lines);
        LoadOptions options;
        options.files = { path };
        const LoadResult result = loadTimingFiles(options);
        QCOMPARE(result.rejectedLines(), 0);
        const TimingDataset& d = result.dataset;
        QCOMPARE(d.runCount(), static_cast<std::uint32_t>(records.size()));
        for (std::uint32_t run = 0; run < d.runCount(); ++run) {
            const Record& r = records[run];
            QCOMPARE(d.fieldValue(run, TimingDataset::RegistrationId), r.id);
            QCOMPARE(d.fieldValue(run, TimingDataset::Model), r.model);
            double total = 0;
            for (std::size_t p = 0; p < r.phases.size(); ++p) {
                const QString phase = QStringLiteral("phase%1").arg(p + 1);
                const double phaseSeconds = phaseTotal(r.phases[p]);
                total += phaseSeconds;
                QCOMPARE(d.value(run, d.metricId(phase)), phaseSeconds);
                for (std::size_t k = 0; k < r.phases[p].size(); ++k)
                    QCOMPARE(d.value(run, d.metricId(QString(phase + QStringLiteral("/item%1").arg(k)))),
                        r.phases[p][k]);
                if (shape == u"proposed"_qs)
                    QCOMPARE(d.agents(run, d.metricId(phase)), QStringLiteral("a%1").arg(p + 1));
            }
            QVERIFY(qFuzzyCompare(d.value(run, TimingDataset::kRootMetric), total));
            // Values written as their own totals leave nothing unaccounted.
            QCOMPARE(d.metricId(u"phase1/(unaccounted)"), -1);
        }
    }
};

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
