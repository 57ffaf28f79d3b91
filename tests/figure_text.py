"""What a figure writes, read back from the ``go.Figure`` as the browser would draw it."""


def beside(fig) -> dict[str, str]:
    """Each bar's category and the text written beside it (``theme.values_beside_bars``)."""
    axis = fig.layout.yaxis2
    assert (axis.side, axis.overlaying, axis.matches) == ("right", "y", "y")
    return dict(zip(axis.tickvals, axis.ticktext, strict=True))
