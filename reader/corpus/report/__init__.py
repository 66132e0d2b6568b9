"""``reader report``: the corpus figures of a batch output, each traced to its articles and sentences.

``read`` turns a batch output (a JSON folder, a JSON Lines file, Parquet datasets)
into one ``Article`` record per analysis; ``figures`` adds them up per corpus and
per group (folder or site) into a ``Report`` whose every figure carries a ``Trace``;
``terminal``, ``markdown`` and ``html`` lay a Report out; ``cli`` is the command.
"""
