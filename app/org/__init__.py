"""The organisation: areas → zones → roads and grids with their chiefs; departments; people.

Every change to it is an action here (`app.org.actions`), called by the admin API and the CLI
alike; other domains follow the changes through `app.org.hooks`.
"""

from app.org.actions import (
    create_area,
    create_grid,
    create_road,
    create_user,
    create_zone,
    import_grid_network,
    import_road_network,
    rename_area,
    set_holdings,
    update_grid,
    update_road,
    update_user,
    update_zone,
)

__all__ = [
    "create_area",
    "create_grid",
    "create_road",
    "create_user",
    "create_zone",
    "import_grid_network",
    "import_road_network",
    "rename_area",
    "set_holdings",
    "update_grid",
    "update_road",
    "update_user",
    "update_zone",
]
