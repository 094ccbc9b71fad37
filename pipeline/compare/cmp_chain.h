/* cmp_chain.h — the citation graph of a compare set and its layout.
 *
 * Nodes: every compared document, and every document they cite that is not
 * itself compared (matched by folded number, header number or the number
 * inferred from a cover letter).  Edges: citing → cited, one per pair,
 * keeping the strongest relation (basis/implements over cited).
 *
 * Layout: simple layered drawing, left to right.  A node's layer is the
 * longest citation path reaching it (bounded, so cycles in hostile input
 * end); within a layer nodes are ordered by the mean order of the nodes
 * citing them, which keeps most edges from crossing.  Coordinates are the
 * top-left corners of VB_CHAIN_NODE_W × VB_CHAIN_NODE_H boxes. */
#ifndef VB_CMP_CHAIN_H
#define VB_CMP_CHAIN_H
#include "compare.h"

enum {
    VB_CHAIN_NODE_W = 250,
    VB_CHAIN_NODE_H = 44,
    VB_CHAIN_GAP_X = 90,
    VB_CHAIN_GAP_Y = 16,
    VB_CHAIN_MARGIN = 12,
    VB_CHAIN_MAX_LAYERS = 32
};

vb_status vb_cmp_chain_build(vb_cmp_set *s);

#endif
