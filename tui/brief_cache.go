package tui

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"sync/atomic"

	"github.com/backchannel/backchannel/model/brief"
)

// The Summary tab shows the brief rendered by glamour, which costs about as
// much as everything else the workspace does on a large proposal (issue 13:
// 163 ms and 42 MB for 20,000 conversations). A rendering is kept by what
// it shows: a hash of the brief's content, the width and the glamour style.
// So a reload after an edit that did not change the brief, a resize back to
// a width seen before, or opening the proposal again renders nothing; any
// change to what the brief says (an edit, undo, a purge, a new day) is a
// new hash. A hash of the content rather than the workbook's last change
// id: a purge writes no change, and the brief also moves with the day.

// briefCacheSize is how many renderings are kept: a few proposals at a few
// widths and both styles. Each is the text of one brief, tens of KB.
const briefCacheSize = 12

// briefCache keeps the latest renderings, oldest first. Only Update and View
// use it, on the UI goroutine.
type briefCache struct {
	keys []string
	out  map[string]string
	// gen counts forget calls: a rendering started before one is not kept.
	gen int
}

// forget drops every rendering. A purge calls it: a rendering of the
// purged text would otherwise stay in memory until the cache turned over or
// the program exited.
func (c *briefCache) forget() {
	*c = briefCache{gen: c.gen + 1}
}

// get returns the rendering kept under k.
func (c *briefCache) get(k string) (string, bool) {
	s, ok := c.out[k]
	return s, ok
}

// put keeps a rendering, dropping the oldest beyond briefCacheSize.
func (c *briefCache) put(k, s string) {
	if c.out == nil {
		c.out = map[string]string{}
	}
	if _, ok := c.out[k]; ok {
		c.keys = slices.DeleteFunc(c.keys, func(x string) bool { return x == k })
	}
	c.out[k] = s
	c.keys = append(c.keys, k)
	for len(c.keys) > briefCacheSize {
		delete(c.out, c.keys[0])
		c.keys = c.keys[1:]
	}
}

// briefKey names one rendering: the brief's content, the width, the style.
func briefKey(sum string, width int, style string) string {
	return sum + "/" + strconv.Itoa(width) + "/" + style
}

// uniqueSums numbers the briefs that could not be hashed, so none shares a key.
var uniqueSums atomic.Int64

// briefSum identifies a brief's content. It runs in the load command, off
// the UI goroutine.
func briefSum(doc brief.Doc) string {
	b, err := json.Marshal(doc)
	if err != nil {
		return "unhashed-" + strconv.FormatInt(uniqueSums.Add(1), 10)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:12])
}
