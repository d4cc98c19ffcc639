#pragma once

#include <QIODevice>
#include <cstddef>
#include <string_view>
#include <vector>

namespace te {

/// Streams a byte range of a file (or any seekable device) through a growing buffer, keeping the unread
/// tail of the previous block in front of the next one. The buffer always has
/// `padding` readable bytes after its data, which simdjson needs; they are zero.
class BlockReader
{
public:
    BlockReader(QIODevice& file, qint64 begin, qint64 end, std::size_t blockSize, std::size_t padding);

    /// Reads the next block after the unread bytes. Returns bytes read; 0 at the end.
    qint64 readMore();
    bool atEnd() const { return m_position >= m_end; }
    bool failed() const { return m_failed; }

    const char* unread() const { return m_buffer.data() + m_start; }
    std::size_t unreadSize() const { return m_size - m_start; }
    std::string_view unreadView() const { return { unread(), unreadSize() }; }
    /// Readable bytes from `p` (a pointer into the unread data) to the buffer's end.
    std::size_t capacityFrom(const char* p) const
    {
        return static_cast<std::size_t>(m_buffer.data() + m_buffer.size() - p);
    }
    void consume(std::size_t bytes) { m_start += bytes; }
    /// File offset of the first unread byte.
    qint64 offset() const { return m_position - static_cast<qint64>(unreadSize()); }

private:
    QIODevice& m_file;
    qint64 m_position;
    qint64 m_end;
    std::size_t m_blockSize;
    std::size_t m_padding;
    std::vector<char> m_buffer;
    std::size_t m_start = 0;
    std::size_t m_size = 0;
    bool m_failed = false;
};

} // namespace te
