#include "load/src/blockreader.h"

#include <algorithm>
#include <cstring>

namespace te {

BlockReader::BlockReader(
    QIODevice& file, qint64 begin, qint64 end, std::size_t blockSize, std::size_t padding)
    : m_file(file)
    , m_position(begin)
    , m_end(end)
    , m_blockSize(blockSize)
    , m_padding(padding)
{
    if (!m_file.seek(begin))
        m_failed = true;
}

qint64 BlockReader::readMore()
{
    if (atEnd() || m_failed)
        return 0;
    // Move the unread tail to the front, then make room for a block and the padding.
    const std::size_t tail = unreadSize();
    if (m_start > 0 && tail > 0)
        std::memmove(m_buffer.data(), m_buffer.data() + m_start, tail);
    m_start = 0;
    m_size = tail;
    const auto want
        = static_cast<std::size_t>(std::min<qint64>(static_cast<qint64>(m_blockSize), m_end - m_position));
    if (m_buffer.size() < m_size + want + m_padding)
        m_buffer.resize(m_size + want + m_padding);
    const qint64 got = m_file.read(m_buffer.data() + m_size, static_cast<qint64>(want));
    if (got > 0) {
        m_size += static_cast<std::size_t>(got);
        m_position += got;
    } else {
        m_failed = got < 0;
        m_end = m_position; // a file that shrank under us ends here
    }
    // The padding after the data is zero whatever the read gave, as the header
    // promises: the move above may have left bytes of the old tail there.
    std::memset(m_buffer.data() + m_size, 0, std::min(m_padding, m_buffer.size() - m_size));
    return std::max<qint64>(got, 0);
}

} // namespace te
