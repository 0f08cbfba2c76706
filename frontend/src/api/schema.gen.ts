/**
 * Generated from the server's OpenAPI document by `npm run api:generate`: do not edit.
 * `npm run api:check` (in `make test`) fails when the server's answers change and this
 * file was not regenerated. Use it through the aliases in ./types.ts.
 */

export interface paths {
    "/api/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Token
         * @description Sign in: a bearer token for API clients, and the same session as a cookie for the PWA.
         */
        post: operations["token_api_auth_token_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Logout */
        post: operations["logout_api_auth_logout_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Me */
        get: operations["me_api_me_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Users
         * @description Everyone (disabled too), with the roads, zones and grids they hold; searchable.
         */
        get: operations["list_users_api_admin_users_get"];
        put?: never;
        /** Create User */
        post: operations["create_user_api_admin_users_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update User
         * @description Edit, disable (ends every session at once) or reset a password (also ends sessions).
         */
        patch: operations["update_user_api_admin_users__user_id__patch"];
        trace?: never;
    };
    "/api/admin/users/{user_id}/holdings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set Holdings
         * @description What the person holds — roads, zones (as chief or 挂包领导), grids (as 网格长 or 网格员) —
         *     set in one go; each row that changes hands is on the ledger. Filed tickets keep their owner.
         */
        put: operations["set_holdings_api_admin_users__user_id__holdings_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Areas
         * @description Every town or county (镇/县) with its level-1 chiefs and its zones (片区), who holds each,
         *     and how many roads and grids each zone has.
         */
        get: operations["list_areas_api_admin_areas_get"];
        put?: never;
        /**
         * Create Area
         * @description A new town or county; its zones are drawn or imported afterwards.
         */
        post: operations["create_area_api_admin_areas_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/areas/{area_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename Area */
        patch: operations["rename_area_api_admin_areas__area_id__patch"];
        trace?: never;
    };
    "/api/admin/zones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create Zone
         * @description A zone (片区) drawn on the map, in an area, with its chief and 挂包领导.
         */
        post: operations["create_zone_api_admin_zones_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/zones/{zone_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Zone
         * @description Rename, re-draw, or change a zone's chief or 挂包领导; tickets filed keep their owner.
         */
        patch: operations["update_zone_api_admin_zones__zone_id__patch"];
        trace?: never;
    };
    "/api/admin/roads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create Road
         * @description A road drawn on the map; it becomes a 测评 site too.
         */
        post: operations["create_road_api_admin_roads_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/roads/{road_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Road
         * @description Rename, re-draw, move to another zone, or give the road another chief (or none).
         */
        patch: operations["update_road_api_admin_roads__road_id__patch"];
        trace?: never;
    };
    "/api/admin/roads/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import Road Network
         * @description Zones and roads with their chiefs from a GeoJSON FeatureCollection; all or nothing.
         */
        post: operations["import_road_network_api_admin_roads_import_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/org/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import File
         * @description Roads and zones, or grids, from a GeoJSON, KML or zipped Shapefile; all or nothing.
         */
        post: operations["import_file_api_admin_org_import_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/grids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create Grid
         * @description A grid drawn on the map, with its 网格长 and 网格员.
         */
        post: operations["create_grid_api_admin_grids_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/grids/{grid_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Grid
         * @description Rename, re-draw, or change a grid's 网格长 or 网格员.
         */
        patch: operations["update_grid_api_admin_grids__grid_id__patch"];
        trace?: never;
    };
    "/api/admin/reroute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reroute Preview
         * @description How many open tickets would move to another owner under today's org chart (none move).
         */
        get: operations["reroute_preview_api_admin_reroute_get"];
        put?: never;
        /**
         * Reroute
         * @description Move them: the count must match the preview the admin saw.
         */
        post: operations["reroute_api_admin_reroute_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/categories/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Category
         * @description Change a category's time limit or lead department; applies to tickets reported afterwards.
         */
        patch: operations["update_category_api_admin_categories__code__patch"];
        trace?: never;
    };
    "/api/admin/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Calendar
         * @description The days that break the Monday–Friday rule (holidays and 调休 workdays).
         */
        get: operations["list_calendar_api_admin_calendar_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/calendar/{day}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set Calendar Day
         * @description Declare a holiday or a make-up workday (调休); deadlines computed afterwards follow it.
         */
        put: operations["set_calendar_day_api_admin_calendar__day__put"];
        post?: never;
        /**
         * Clear Calendar Day
         * @description Back to the Monday–Friday rule for that day.
         */
        delete: operations["clear_calendar_day_api_admin_calendar__day__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit Trail
         * @description Admin changes, newest first: who, when, what changed (from the ledger).
         */
        get: operations["audit_trail_api_admin_audit_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Roads
         * @description Roads as GeoJSON, each with its zone and its chief.
         */
        get: operations["roads_api_roads_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/zones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Zones
         * @description Zones (片区) as GeoJSON, each with its chief.
         */
        get: operations["zones_api_zones_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Grids
         * @description Grids (网格) as GeoJSON, each with its zone, 网格长 and 网格员.
         */
        get: operations["grids_api_grids_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Departments */
        get: operations["departments_api_departments_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users
         * @description People, for dispatching and the admin pages.
         */
        get: operations["users_api_users_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Client Config
         * @description What the PWA needs to know before sign-in (map keys, limits, where the town is).
         */
        get: operations["client_config_api_config_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Categories
         * @description Event classes (2-digit codes) and their sub-classes (4-digit codes).
         */
        get: operations["categories_api_categories_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search Tickets
         * @description Tickets I may see, filtered and paged: {"data": [...], "count": N}.
         */
        get: operations["search_tickets_api_tickets_get"];
        put?: never;
        /**
         * Create Ticket
         * @description Report a problem (当场下单): photos, GPS and a category; routed to the road chief.
         */
        post: operations["create_ticket_api_tickets_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{ticket_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Ticket
         * @description One ticket with its photos and its ledger events.
         */
        get: operations["get_ticket_api_tickets__ticket_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{ticket_id}/rectify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rectify
         * @description 整改: upload the after-photo(s); the ticket waits for verification. The phone's position
         *     (lat, lon, accuracy_m) and capture time go on the after-photo's watermark when its file has
         *     none.
         */
        post: operations["rectify_api_tickets__ticket_id__rectify_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{ticket_id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add Photos
         * @description The same problem, already filed: add my photo(s) to the open ticket, not a new ticket.
         *
         *     409 when the ticket is closed or dismissed (report it anew); a retry under the same
         *     Idempotency-Key answers the ticket and adds nothing twice.
         */
        post: operations["add_photos_api_tickets__ticket_id__photos_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{ticket_id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify
         * @description 核查: approve (closed) or reject (back to the assignee, rework +1).
         */
        post: operations["verify_api_tickets__ticket_id__verify_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{ticket_id}/handoff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Handoff
         * @description A chief hands the ticket to a functional department (职能部门) with a reason.
         */
        post: operations["handoff_api_tickets__ticket_id__handoff_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{ticket_id}/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dispatch
         * @description 派遣: send a pending ticket to a road, chief or department, or re-route it.
         */
        post: operations["dispatch_api_tickets__ticket_id__dispatch_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{ticket_id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dismiss
         * @description 作废: invalid, or a duplicate merged into its original.
         */
        post: operations["dismiss_api_tickets__ticket_id__dismiss_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{ticket_id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Escalate
         * @description 督办 by hand: one chief level up.
         */
        post: operations["escalate_api_tickets__ticket_id__escalate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/photos/{photo_id}/{variant}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Photo File
         * @description The published copy (display, thumb) or, for supervisors and admins, the original.
         */
        get: operations["photo_file_api_photos__photo_id___variant__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify
         * @description Walk the hash chain; on a broken chain name the first bad event.
         */
        get: operations["verify_api_ledger_verify_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream
         * @description Ticket changes as they are committed, resumable by ledger event id.
         */
        get: operations["stream_api_stream_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/map/clusters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Map Clusters
         * @description Tickets in the view, clustered on a grid sized by zoom.
         */
        get: operations["map_clusters_api_map_clusters_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{ticket_id}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ticket Duplicates
         * @description Probable duplicates of a ticket, for the merge button.
         */
        get: operations["ticket_duplicates_api_tickets__ticket_id__duplicates_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulletin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Bulletin
         * @description The week's figures per road, chief, zone and department, ranked and graded.
         */
        get: operations["get_bulletin_api_bulletin_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulletin/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Issue Bulletin
         * @description Issue the week's 通报 (印发): its 文号 and the edited 工作要求.
         */
        put: operations["issue_bulletin_api_bulletin_issue_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulletin.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Bulletin Xlsx
         * @description The bulletin as a workbook.
         */
        get: operations["get_bulletin_xlsx_api_bulletin_xlsx_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulletin/print": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Bulletin Print
         * @description The bulletin as a clean A4 page for printing.
         */
        get: operations["get_bulletin_print_api_bulletin_print_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulletin/font.otf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Print Font
         * @description The packaged CJK font the print page falls back to (no Chinese fonts installed).
         */
        get: operations["get_print_font_api_bulletin_font_otf_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Ledger
         * @description The filtered tickets and all their events, as a workbook streamed from disk.
         */
        get: operations["export_ledger_api_ledger_export_xlsx_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health
         * @description Is this process able to serve: database, photo storage, schema version.
         */
        get: operations["health_api_health_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Sites
         * @description Every active site (点位) as GeoJSON; properties id, name, type, zone, unit.
         */
        get: operations["list_sites_api_sites_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sites/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My Sites
         * @description My unit's sites with their latest published score, the deductions found there and
         *     the tickets still to rectify (closed rounds and my own 自查 only).
         */
        get: operations["my_sites_api_sites_mine_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/site-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Site Types */
        get: operations["list_site_types_api_site_types_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/site-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add Site Type
         * @description Extend the reference list of site types.
         */
        post: operations["add_site_type_api_admin_site_types_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/site-types/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Site Type
         * @description Rename a site type or disable it (sites keep it; new imports and draws skip it).
         */
        patch: operations["update_site_type_api_admin_site_types__code__patch"];
        trace?: never;
    };
    "/api/admin/sites/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import Sites
         * @description Sites from GeoJSON or XLSX (名称 | 类型 | 经度 | 纬度 | 责任单位 | 签到半径(米)).
         */
        post: operations["import_sites_api_admin_sites_import_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/standards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Standards
         * @description The standards tree 测评项目 → 测评内容 → 测评标准 of a version (default: the newest).
         */
        get: operations["get_standards_api_standards_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/standards/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import Standards
         * @description A standards version from XLSX in the documented layout (README 测评).
         */
        post: operations["import_standards_api_admin_standards_import_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/standards/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export Standards */
        get: operations["export_standards_api_admin_standards_export_xlsx_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questionnaires": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Questionnaires
         * @description Street-survey questionnaires a round may carry.
         */
        get: operations["list_questionnaires_api_questionnaires_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Rounds
         * @description The rounds I may see, newest first.
         */
        get: operations["list_rounds_api_rounds_get"];
        put?: never;
        /**
         * Create Round
         * @description A round over chosen sites, or drawn at random: N per type per zone with a stored seed.
         */
        post: operations["create_round_api_rounds_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{round_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Round
         * @description The round with its sites, inspectors, checklist and questionnaire.
         */
        get: operations["get_round_api_rounds__round_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{round_id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close Round
         * @description Freeze and publish the scores.
         */
        post: operations["close_round_api_rounds__round_id__close_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{round_id}/sheets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit Sheet
         * @description A site's score sheet; each deduction files a ticket to the site's responsible unit (by
         *     location, flagged, when nobody there receives it). Retries never count twice.
         */
        post: operations["submit_sheet_api_rounds__round_id__sheets_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{round_id}/sheets/{sheet_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Sheet
         * @description A site's sheet with the tickets it filed and their photos.
         */
        get: operations["get_sheet_api_rounds__round_id__sheets__sheet_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{round_id}/sheets/{sheet_id}/results/{result_id}/photos/{n}/{size}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Result Photo
         * @description A photo kept on a deduction that filed no ticket (authorised like the round).
         */
        get: operations["get_result_photo_api_rounds__round_id__sheets__sheet_id__results__result_id__photos__n___size__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{round_id}/scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Scores
         * @description Sites, units and zones with rank, 并列, 末位 and change; items that lost most; tickets.
         */
        get: operations["get_scores_api_rounds__round_id__scores_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{round_id}/scores.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Scores Xlsx */
        get: operations["get_scores_xlsx_api_rounds__round_id__scores_xlsx_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{round_id}/scores/print": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Scores Print
         * @description The 测评通报 as an A4 page for the browser's print dialog.
         */
        get: operations["get_scores_print_api_rounds__round_id__scores_print_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{round_id}/survey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post Survey
         * @description One anonymous respondent's answers (随机街访); no personal data is accepted.
         */
        post: operations["post_survey_api_rounds__round_id__survey_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{round_id}/survey/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Survey Results
         * @description 知晓率 / 支持率 / 满意率 per zone and countywide, with n and a 95 % Wilson interval.
         */
        get: operations["get_survey_results_api_rounds__round_id__survey_results_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Challenge
         * @description A proof-of-work challenge for the ALTCHA widget (solved in the page, no third party).
         */
        get: operations["challenge_api_citizen_challenge_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Categories
         * @description The categories a citizen may choose from.
         */
        get: operations["categories_api_citizen_categories_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/area": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Area
         * @description Where the town is (the middle of its zones), for the map when the phone has no GPS.
         */
        get: operations["area_api_citizen_area_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * File Report
         * @description 随手拍: report a problem without an account; answers with the private tracking link.
         */
        post: operations["file_report_api_citizen_reports_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/track/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Track
         * @description The reporter's view of their report: stage, after-photos, rating.
         */
        get: operations["track_api_citizen_track__token__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/track/{token}/photos/{which}/{photo_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tracked Photo
         * @description The reporter's own photos and the after-photos of the ticket they follow.
         *
         *     An after-photo is shown without the evidence watermark, which names the staff member who
         *     took it: made from the original on request (in a photo slot), kept by the phone's cache.
         */
        get: operations["tracked_photo_api_citizen_track__token__photos__which___photo_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/track/{token}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rate
         * @description 满意 / 基本满意 / 不满意 (with a reason) once the ticket is closed.
         */
        post: operations["rate_api_citizen_track__token__rating_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/triage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Triage Queue
         * @description 待受理 queue (oldest first, with the triage light), or decided reports.
         */
        get: operations["triage_queue_api_citizen_triage_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/triage/{report_id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept
         * @description 受理: becomes a routed ticket; the deadline clock starts now.
         */
        post: operations["accept_api_citizen_triage__report_id__accept_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/triage/{report_id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge
         * @description 合并 into an existing ticket, which the reporter then follows.
         */
        post: operations["merge_api_citizen_triage__report_id__merge_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/triage/{report_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject
         * @description 不予受理 with a reason the reporter reads.
         */
        post: operations["reject_api_citizen_triage__report_id__reject_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/photos/{photo_id}/{variant}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Citizen Photo
         * @description A citizen's photo for triage; the original only for supervisors and admins.
         */
        get: operations["citizen_photo_api_citizen_photos__photo_id___variant__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reviews
         * @description 不满意 ratings waiting for a supervisor.
         */
        get: operations["reviews_api_citizen_reviews_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/reviews/{rating_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Review
         * @description Uphold the closure, or reopen the ticket for its assignee (rework +1).
         */
        post: operations["review_api_citizen_reviews__rating_id__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Campaigns */
        get: operations["list_campaigns_api_campaigns_get"];
        put?: never;
        /** Create Campaign */
        post: operations["create_campaign_api_campaigns_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Campaign */
        get: operations["get_campaign_api_campaigns__campaign_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tag Ticket */
        post: operations["tag_ticket_api_campaigns__campaign_id__tickets_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/tickets/{ticket_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Untag Ticket */
        delete: operations["untag_ticket_api_campaigns__campaign_id__tickets__ticket_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Campaign Report
         * @description The end-of-campaign 通报 as a clean A4 page (print it from the browser).
         */
        get: operations["campaign_report_api_campaigns__campaign_id__report_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/report.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Campaign Report Xlsx */
        get: operations["campaign_report_xlsx_api_campaigns__campaign_id__report_xlsx_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Tasks
         * @description The tasks the user may see; red first, then yellow, then by due date.
         */
        get: operations["list_tasks_api_tasks_get"];
        put?: never;
        /** Create Task */
        post: operations["create_task_api_tasks_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import Tasks
         * @description A 任务分解表 (XLSX): every row becomes a task, or — one bad row — none does.
         */
        post: operations["import_tasks_api_tasks_import_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{task_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Task */
        get: operations["get_task_api_tasks__task_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{task_id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post Progress
         * @description 进展: text and photos from the phone (offline through the outbox) or the console.
         */
        post: operations["post_progress_api_tasks__task_id__progress_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{task_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete Task
         * @description 完成: with evidence photos; every open milestone is done now.
         */
        post: operations["complete_task_api_tasks__task_id__complete_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{task_id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Escalate Task */
        post: operations["escalate_task_api_tasks__task_id__escalate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{task_id}/photos/{progress_id}/{n}/{size}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Task Photo */
        get: operations["task_photo_api_tasks__task_id__photos__progress_id___n___size__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Channels
         * @description Group robots and webhooks, with how many of their messages are in each state.
         */
        get: operations["list_channels_api_admin_channels_get"];
        put?: never;
        /**
         * Add Channel
         * @description The same as `roadchief channel add KIND NAME URL [--secret S] [--scope …]`.
         */
        post: operations["add_channel_api_admin_channels_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/channels/{channel_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update Channel */
        patch: operations["update_channel_api_admin_channels__channel_id__patch"];
        trace?: never;
    };
    "/api/admin/channels/{channel_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test Channel
         * @description Queue a test message; poll GET /api/admin/notifications/{id} for its outcome.
         */
        post: operations["test_channel_api_admin_channels__channel_id__test_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Delivery Log
         * @description Every notification, newest first, with each try: sent, failed with reason, retried, dead.
         */
        get: operations["delivery_log_api_admin_notifications_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/notifications/{notification_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Notification */
        get: operations["get_notification_api_admin_notifications__notification_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/notifications/{notification_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry Notification */
        post: operations["retry_notification_api_admin_notifications__notification_id__retry_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notify/vapid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vapid Public Key
         * @description The applicationServerKey a browser subscribes with.
         */
        get: operations["vapid_public_key_api_notify_vapid_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notify/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Subscribe */
        post: operations["subscribe_api_notify_subscriptions_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notify/subscriptions/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unsubscribe */
        post: operations["unsubscribe_api_notify_subscriptions_remove_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notify/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Preferences */
        get: operations["get_preferences_api_notify_preferences_get"];
        /**
         * Put Preferences
         * @description Channels (webpush, sms), quiet hours (HH:MM, local) and the morning digest on/off.
         */
        put: operations["put_preferences_api_notify_preferences_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulletin/issued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Issued Bulletin
         * @description An issued 通报's A4 page, read-only, through the signed link its notice carries.
         */
        get: operations["get_issued_bulletin_api_bulletin_issued_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/boards/{board}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Board Page
         * @description A page of a board (整改成效 `results` or 曝光 `exposure`): only what was published.
         */
        get: operations["board_page_api_public_boards__board__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/publications/{publication_id}/photos/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public Photo
         * @description A published, blurred, metadata-free copy; gone when the publication is withdrawn.
         */
        get: operations["public_photo_api_public_publications__publication_id__photos__index__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/publications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Publications
         * @description Everything ever published, withdrawn ones included.
         */
        get: operations["publications_api_citizen_publications_get"];
        put?: never;
        /**
         * Publish
         * @description Publish a ticket on a board, with blur rectangles applied on the server.
         *
         *     The blurred copies are made and stored before the short transaction that records them.
         */
        post: operations["publish_api_citizen_publications_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/publications/{publication_id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw
         * @description Take a case off the board at once.
         */
        post: operations["withdraw_api_citizen_publications__publication_id__withdraw_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizen/publications/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Candidates
         * @description Tickets that fit a board and are not on it yet, with their photos to choose from.
         */
        get: operations["candidates_api_citizen_publications_candidates_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AcceptBody */
        AcceptBody: {
            /**
             * Note
             * @default
             */
            note?: string;
        };
        /**
         * AdminUserRead
         * @description A person with their contact details and what they hold.
         */
        AdminUserRead: {
            /** Id */
            id: number;
            /** Username */
            username: string;
            /** Name */
            name: string;
            role: components["schemas"]["Role"];
            /** Level */
            level: number | null;
            /** Title */
            title: string | null;
            department: components["schemas"]["DepartmentRef"] | null;
            /** Is Active */
            is_active: boolean;
            /** Phone */
            phone: string | null;
            /** Area Id */
            area_id: number | null;
            /** Roads */
            roads: components["schemas"]["Ref"][];
            /**
             * Zones
             * @description zones they are the chief of
             */
            zones: components["schemas"]["Ref"][];
            /**
             * Led Zones
             * @description zones they are 挂包领导 of
             */
            led_zones: components["schemas"]["Ref"][];
            /** Grids */
            grids: (components["schemas"]["HeldGridMember"] | components["schemas"]["Ref"])[];
        };
        /** AreaIn */
        AreaIn: {
            /** Name */
            name: string;
        };
        /**
         * AreaRead
         * @description A town or county (镇/县) with its level-1 chiefs and its zones.
         */
        AreaRead: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Leaders */
            leaders: components["schemas"]["UserRef"][];
            /** Zones */
            zones: components["schemas"]["AreaZone"][];
        };
        /** AreaZone */
        AreaZone: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            chief: components["schemas"]["UserRef"] | null;
            leader: components["schemas"]["UserRef"] | null;
            /** Roads */
            roads: number;
            /** Grids */
            grids: number;
        };
        /** AttemptRead */
        AttemptRead: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Ok */
            ok: boolean;
            /** Detail */
            detail: string;
        };
        /** AuditEntry */
        AuditEntry: {
            /** Id */
            id: number;
            /** Subject */
            subject: string | null;
            /** Action */
            action: string;
            /** Actor */
            actor: string | null;
            /** Changes */
            changes: {
                [key: string]: unknown;
            };
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
        };
        /** BadEvent */
        BadEvent: {
            /** Id */
            id: number;
            /** Ticket Id */
            ticket_id: number | null;
            /** Subject */
            subject: string | null;
            /** Reason */
            reason: string;
        };
        /**
         * BeforeAfter
         * @description A rectified ticket with its first before-photo and latest after-photo.
         */
        BeforeAfter: {
            /** Ticket Id */
            ticket_id: number;
            /** Number */
            number: string;
            /** Category */
            category: string;
            before: components["schemas"]["PhotoRead"];
            after: components["schemas"]["PhotoRead"];
        };
        /**
         * Board
         * @enum {string}
         */
        Board: "results" | "exposure";
        /** BoardPage */
        BoardPage: {
            board: components["schemas"]["Board"];
            /** Page */
            page: number;
            /** Count */
            count: number;
            /** Data */
            data: components["schemas"]["PublicItem"][];
            /**
             * By Unit
             * @description 曝光: cases per unit; empty on 整改成效
             */
            by_unit: components["schemas"]["UnitCount"][];
        };
        /** Body_add_photos_api_tickets__ticket_id__photos_post */
        Body_add_photos_api_tickets__ticket_id__photos_post: {
            /**
             * Note
             * @default
             */
            note?: string;
            /** Photo */
            photo?: string[] | null;
        };
        /** Body_complete_task_api_tasks__task_id__complete_post */
        Body_complete_task_api_tasks__task_id__complete_post: {
            /**
             * Note
             * @default
             */
            note?: string;
            /** Photo */
            photo?: string[] | null;
        };
        /** Body_create_ticket_api_tickets_post */
        Body_create_ticket_api_tickets_post: {
            /** Category */
            category: string;
            /** Lat */
            lat: number;
            /** Lon */
            lon: number;
            /** Accuracy M */
            accuracy_m?: number | null;
            /**
             * Description
             * @default
             */
            description?: string;
            /** Captured At */
            captured_at?: string | null;
            /** Photo */
            photo?: string[] | null;
        };
        /** Body_file_report_api_citizen_reports_post */
        Body_file_report_api_citizen_reports_post: {
            /** Category */
            category: string;
            /** Lat */
            lat: number;
            /** Lon */
            lon: number;
            /** Altcha */
            altcha?: string | null;
            /** Accuracy M */
            accuracy_m?: number | null;
            /**
             * Description
             * @default
             */
            description?: string;
            /**
             * Phone
             * @default
             */
            phone?: string;
            /** Photo */
            photo?: string[] | null;
        };
        /** Body_import_file_api_admin_org_import_post */
        Body_import_file_api_admin_org_import_post: {
            /** File */
            file: string;
            /**
             * Kind
             * @default roads
             */
            kind?: string;
        };
        /** Body_import_sites_api_admin_sites_import_post */
        Body_import_sites_api_admin_sites_import_post: {
            /** File */
            file: string;
        };
        /** Body_import_standards_api_admin_standards_import_post */
        Body_import_standards_api_admin_standards_import_post: {
            /** File */
            file: string;
            /**
             * Replace
             * @default false
             */
            replace?: boolean;
        };
        /** Body_import_tasks_api_tasks_import_post */
        Body_import_tasks_api_tasks_import_post: {
            /** File */
            file: string;
        };
        /** Body_post_progress_api_tasks__task_id__progress_post */
        Body_post_progress_api_tasks__task_id__progress_post: {
            /**
             * Note
             * @default
             */
            note?: string;
            /** Milestone Id */
            milestone_id?: number | null;
            /** Photo */
            photo?: string[] | null;
        };
        /** Body_rectify_api_tickets__ticket_id__rectify_post */
        Body_rectify_api_tickets__ticket_id__rectify_post: {
            /**
             * Note
             * @default
             */
            note?: string;
            /** Photo */
            photo?: string[] | null;
            /** Lat */
            lat?: number | null;
            /** Lon */
            lon?: number | null;
            /** Accuracy M */
            accuracy_m?: number | null;
            /** Captured At */
            captured_at?: string | null;
        };
        /** Body_token_api_auth_token_post */
        Body_token_api_auth_token_post: {
            /** Username */
            username: string;
            /** Password */
            password: string;
        };
        /** BulletinProblems */
        BulletinProblems: {
            /** Categories */
            categories: components["schemas"]["ProblemCategory"][];
            /** Overdue Total */
            overdue_total: number;
            /** Overdue */
            overdue: components["schemas"]["OverdueTicket"][];
        };
        /**
         * BulletinRead
         * @description One ISO week's bulletin: figures per road, chief, zone and department, ranked and graded.
         */
        BulletinRead: {
            /**
             * Week
             * @description ISO week, e.g. 2026-W48
             */
            week: string;
            /** Week Name */
            week_name: string;
            /** Week Title */
            week_title: string;
            /**
             * First Day
             * Format: date
             */
            first_day: string;
            /**
             * Last Day
             * Format: date
             */
            last_day: string;
            /**
             * Start
             * Format: date-time
             */
            start: string;
            /**
             * End
             * Format: date-time
             * @description exclusive
             */
            end: string;
            /**
             * As Of
             * Format: date-time
             * @description the week's end, or now
             */
            as_of: string;
            settings: components["schemas"]["BulletinSettingsRead"];
            totals: components["schemas"]["Measures"];
            sections: components["schemas"]["BulletinSections"];
            problems: components["schemas"]["BulletinProblems"];
            /** Tasks */
            tasks: components["schemas"]["TaskUnit"][];
            /** Campaigns */
            campaigns: components["schemas"]["CampaignRun"][];
            document: components["schemas"]["NoticeDocument"];
        };
        /**
         * BulletinSections
         * @description Each dimension's units in rank order, 不参评 last.
         */
        BulletinSections: {
            /** Road */
            road: components["schemas"]["RoadRow"][];
            /** Chief */
            chief: components["schemas"]["ChiefRow"][];
            /** Zone */
            zone: components["schemas"]["ZoneRow"][];
            /** Department */
            department: components["schemas"]["DepartmentRow"][];
        };
        /**
         * BulletinSettingsRead
         * @description How the week was scored and graded (app.stats.settings).
         */
        BulletinSettingsRead: {
            /** Weight Closure */
            weight_closure: number;
            /** Weight On Time */
            weight_on_time: number;
            /** Weight Rework */
            weight_rework: number;
            /** Weight Overdue */
            weight_overdue: number;
            /**
             * Grades
             * @description grade word: the lowest score that earns it
             */
            grades: {
                [key: string]: number;
            };
            /** Bottom N */
            bottom_n: number;
            /** Issuer */
            issuer: string;
            /** Doc Number */
            doc_number: string;
            /** Addressee */
            addressee: string;
            /** Requirements */
            requirements: string;
            /** Cc */
            cc: string;
        };
        /** CalendarDayCleared */
        CalendarDayCleared: {
            /**
             * Day
             * Format: date
             */
            day: string;
            /**
             * Cleared
             * @constant
             */
            cleared: true;
        };
        /** CalendarDayIn */
        CalendarDayIn: {
            /**
             * Day
             * Format: date
             */
            day: string;
            /** Is Workday */
            is_workday: boolean;
            /**
             * Name
             * @default
             */
            name?: string;
        };
        /** CalendarDayRead */
        CalendarDayRead: {
            /**
             * Day
             * Format: date
             */
            day: string;
            /** Is Workday */
            is_workday: boolean;
            /** Name */
            name: string;
        };
        /** CampaignCreated */
        CampaignCreated: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Description */
            description: string;
            /**
             * Starts On
             * Format: date
             */
            starts_on: string;
            /**
             * Ends On
             * Format: date
             */
            ends_on: string;
            /** Department Id */
            department_id: number | null;
            /**
             * Category Codes
             * @description sub-category codes; empty: all
             */
            category_codes: string[];
            /**
             * Zone Ids
             * @description empty: all zones
             */
            zone_ids: number[];
            /** Target Value */
            target_value: number;
            target_unit: components["schemas"]["LimitUnit"];
            /** Target Rate */
            target_rate: number;
            /**
             * Status
             * @enum {string}
             */
            status: "upcoming" | "active" | "ended";
        };
        /** CampaignDetail */
        CampaignDetail: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Description */
            description: string;
            /**
             * Starts On
             * Format: date
             */
            starts_on: string;
            /**
             * Ends On
             * Format: date
             */
            ends_on: string;
            /** Department Id */
            department_id: number | null;
            /**
             * Category Codes
             * @description sub-category codes; empty: all
             */
            category_codes: string[];
            /**
             * Zone Ids
             * @description empty: all zones
             */
            zone_ids: number[];
            /** Target Value */
            target_value: number;
            target_unit: components["schemas"]["LimitUnit"];
            /** Target Rate */
            target_rate: number;
            figures: components["schemas"]["CampaignFigures"];
            /** Gallery */
            gallery: components["schemas"]["BeforeAfter"][];
        };
        /** CampaignFigures */
        CampaignFigures: {
            /**
             * As Of
             * Format: date-time
             */
            as_of: string;
            /**
             * Status
             * @enum {string}
             */
            status: "upcoming" | "active" | "ended";
            totals: components["schemas"]["CampaignTally"];
            /** By Zone */
            by_zone: components["schemas"]["CampaignZoneRow"][];
            /** By Unit */
            by_unit: components["schemas"]["CampaignUnitRow"][];
            /** Trend */
            trend: components["schemas"]["TrendDay"][];
        };
        /** CampaignIn */
        CampaignIn: {
            /** Name */
            name: string;
            /**
             * Description
             * @default
             */
            description?: string;
            /**
             * Starts On
             * Format: date
             */
            starts_on: string;
            /**
             * Ends On
             * Format: date
             */
            ends_on: string;
            /** Department Id */
            department_id?: number | null;
            /** Category Codes */
            category_codes?: string[];
            /** Zone Ids */
            zone_ids?: number[];
            /**
             * Target Value
             * @default 4
             */
            target_value?: number;
            /** @default work_hours */
            target_unit?: components["schemas"]["LimitUnit"];
            /**
             * Target Rate
             * @default 0.95
             */
            target_rate?: number;
        };
        /** CampaignListRow */
        CampaignListRow: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Description */
            description: string;
            /**
             * Starts On
             * Format: date
             */
            starts_on: string;
            /**
             * Ends On
             * Format: date
             */
            ends_on: string;
            /** Department Id */
            department_id: number | null;
            /**
             * Category Codes
             * @description sub-category codes; empty: all
             */
            category_codes: string[];
            /**
             * Zone Ids
             * @description empty: all zones
             */
            zone_ids: number[];
            /** Target Value */
            target_value: number;
            target_unit: components["schemas"]["LimitUnit"];
            /** Target Rate */
            target_rate: number;
            /**
             * Status
             * @enum {string}
             */
            status: "upcoming" | "active" | "ended";
            totals: components["schemas"]["CampaignTally"];
        };
        /**
         * CampaignRun
         * @description A 专项整治 running during the week: its figures so far and the week's own.
         */
        CampaignRun: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Department */
            department: string | null;
            /**
             * Starts On
             * Format: date
             */
            starts_on: string;
            /**
             * Ends On
             * Format: date
             */
            ends_on: string;
            /**
             * Status
             * @enum {string}
             */
            status: "upcoming" | "active" | "ended";
            /** Target Rate */
            target_rate: number;
            /** Found */
            found: number;
            /** Rectified */
            rectified: number;
            /** Overdue */
            overdue: number;
            /** Due */
            due: number;
            /** On Time */
            on_time: number;
            /** On Time Rate */
            on_time_rate: number | null;
            /** Meets Target */
            meets_target: boolean | null;
            /** Found In Week */
            found_in_week: number;
            /** Rectified In Week */
            rectified_in_week: number;
            /**
             * Lagging
             * @description the units furthest below target
             */
            lagging: string[];
        };
        /** CampaignTally */
        CampaignTally: {
            /** Found */
            found: number;
            /** Rectified */
            rectified: number;
            /** Overdue */
            overdue: number;
            /** Due */
            due: number;
            /** On Time */
            on_time: number;
            /**
             * On Time Rate
             * @description null while nothing is due (不参评)
             */
            on_time_rate: number | null;
            /** Meets Target */
            meets_target: boolean | null;
        };
        /** CampaignUnitRow */
        CampaignUnitRow: {
            /** Rank */
            rank: number | null;
            /**
             * Tied
             * @description 并列: another unit has the same rank
             */
            tied: boolean;
            /**
             * Bottom
             * @description 末位
             */
            bottom: boolean;
            /** Found */
            found: number;
            /** Rectified */
            rectified: number;
            /** Overdue */
            overdue: number;
            /** Due */
            due: number;
            /** On Time */
            on_time: number;
            /**
             * On Time Rate
             * @description null while nothing is due (不参评)
             */
            on_time_rate: number | null;
            /** Meets Target */
            meets_target: boolean | null;
            /**
             * Kind
             * @enum {string}
             */
            kind: "department" | "user";
            /** Id */
            id: number | null;
            /** Name */
            name: string;
        };
        /** CampaignZoneRow */
        CampaignZoneRow: {
            /** Rank */
            rank: number | null;
            /**
             * Tied
             * @description 并列: another unit has the same rank
             */
            tied: boolean;
            /**
             * Bottom
             * @description 末位
             */
            bottom: boolean;
            /** Found */
            found: number;
            /** Rectified */
            rectified: number;
            /** Overdue */
            overdue: number;
            /** Due */
            due: number;
            /** On Time */
            on_time: number;
            /**
             * On Time Rate
             * @description null while nothing is due (不参评)
             */
            on_time_rate: number | null;
            /** Meets Target */
            meets_target: boolean | null;
            /**
             * Id
             * @description null: tickets outside every zone (片区外)
             */
            id: number | null;
            /** Name */
            name: string;
        };
        /**
         * Candidate
         * @description A ticket that fits a board and is not on it yet.
         */
        Candidate: {
            /** Id */
            id: number;
            /** Number */
            number: string;
            status: components["schemas"]["Status"];
            /** Rework Count */
            rework_count: number;
            /** Due At */
            due_at: string | null;
            /** Unit */
            unit: string;
            /** Photos */
            photos: components["schemas"]["CandidatePhoto"][];
        };
        /** CandidatePhoto */
        CandidatePhoto: {
            /** Id */
            id: number;
            /**
             * Kind
             * @enum {string}
             */
            kind: "before" | "after";
            /** Url */
            url: string;
            /** Thumb Url */
            thumb_url: string;
            /** Width */
            width: number;
            /** Height */
            height: number;
        };
        /** CategoryAdminRead */
        CategoryAdminRead: {
            /** Code */
            code: string;
            /** Name */
            name: string;
            /** Parent Code */
            parent_code: string | null;
            /** Department Id */
            department_id: number | null;
            /** Limit Value */
            limit_value: number;
            limit_unit: components["schemas"]["LimitUnit"];
            /** Evaluation Item */
            evaluation_item: string | null;
            /** Keywords */
            keywords: string;
            /** Sort */
            sort: number;
            /** Active */
            active: boolean;
        };
        /** CategoryName */
        CategoryName: {
            /** Code */
            code: string;
            /** Name */
            name: string | null;
        };
        /**
         * CategoryRead
         * @description An event class (2-digit code) or sub-class (4-digit code), with its time limit.
         */
        CategoryRead: {
            /** Code */
            code: string;
            /** Name */
            name: string;
            /** Parent Code */
            parent_code: string | null;
            department: components["schemas"]["DepartmentRef"] | null;
            /** Limit Value */
            limit_value: number;
            limit_unit: components["schemas"]["LimitUnit"];
            /** Evaluation Item */
            evaluation_item: string | null;
            /** Keywords */
            keywords: string;
        };
        /** CategoryUpdate */
        CategoryUpdate: {
            /** Limit Value */
            limit_value?: number;
            limit_unit?: components["schemas"]["LimitUnit"];
            /**
             * Department Id
             * @description null: no lead department
             */
            department_id?: number | null;
            /** Active */
            active?: boolean;
        };
        /**
         * Challenge
         * @description An ALTCHA proof-of-work challenge (the widget's `challengeurl` JSON).
         */
        Challenge: {
            /** Algorithm */
            algorithm: string;
            /** Challenge */
            challenge: string;
            /** Maxnumber */
            maxnumber: number;
            /** Maxnumber */
            maxNumber: number;
            /** Salt */
            salt: string;
            /** Signature */
            signature: string;
        };
        /**
         * Channel
         * @enum {string}
         */
        Channel: "citizen" | "open311";
        /** ChannelIn */
        ChannelIn: {
            kind: components["schemas"]["ChannelKind"];
            /** Name */
            name: string;
            /** Url */
            url: string;
            /**
             * Secret
             * @default
             */
            secret?: string;
            /**
             * Scope
             * @default all
             */
            scope?: string;
            /**
             * Unsigned
             * @default false
             */
            unsigned?: boolean;
        };
        /**
         * ChannelKind
         * @enum {string}
         */
        ChannelKind: "webhook" | "wecom" | "dingtalk" | "feishu";
        /** ChannelRead */
        ChannelRead: {
            /** Id */
            id: number;
            kind: components["schemas"]["ChannelKind"];
            /** Name */
            name: string;
            /** Url */
            url: string;
            /** Has Secret */
            has_secret: boolean;
            /**
             * Scope
             * @description all, zone:ID, department:CODE, …
             */
            scope: string;
            /** Active */
            active: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Counts
             * @description notifications per delivery status
             */
            counts: {
                [key: string]: number;
            };
        };
        /** ChannelUpdate */
        ChannelUpdate: {
            /** Name */
            name?: string;
            /** Url */
            url?: string;
            /** Secret */
            secret?: string;
            /** Scope */
            scope?: string;
            /** Active */
            active?: boolean;
            /**
             * Unsigned
             * @default false
             */
            unsigned?: boolean;
        };
        /** CheckIn */
        CheckIn: {
            /** Lat */
            lat: number;
            /** Lon */
            lon: number;
            /** Accuracy M */
            accuracy_m: number | null;
        };
        /** ChecklistItem */
        ChecklistItem: {
            /** Code */
            code: string;
            /** Text */
            text: string;
            /** Site Types */
            site_types: string[];
            /** Points */
            points: number;
            /** Cap */
            cap: number;
            /** Photo Required */
            photo_required: boolean;
            /** Category */
            category: string | null;
            /**
             * Content
             * @description the item's group (内容)
             */
            content: string;
            /**
             * Project
             * @description the group's parent (项目)
             */
            project: string;
        };
        /**
         * ChiefRef
         * @description A chief as maps and lists name them: with their level (1 town, 2 zone, 3 road).
         */
        ChiefRef: {
            /** Id */
            id: number;
            /** Username */
            username: string;
            /** Name */
            name: string;
            /** Level */
            level: number | null;
        };
        /** ChiefRow */
        ChiefRow: {
            /** New */
            new: number;
            /** Closed */
            closed: number;
            /** Due */
            due: number;
            /** Due Closed */
            due_closed: number;
            /** Due In Time */
            due_in_time: number;
            /** Rectified */
            rectified: number;
            /** Reworked */
            reworked: number;
            /** Overdue */
            overdue: number;
            /** Ratings */
            ratings: number;
            /** Closure Rate */
            closure_rate: number | null;
            /** On Time Rate */
            on_time_rate: number | null;
            /** Rework Rate */
            rework_rate: number | null;
            /** Overdue Share */
            overdue_share: number | null;
            /** Avg Rectify Hours */
            avg_rectify_hours: number | null;
            /** Satisfaction Rate */
            satisfaction_rate: number | null;
            /** Score */
            score: number | null;
            /** Grade */
            grade: string;
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Rank */
            rank: number | null;
            /** Tied */
            tied: boolean;
            /** Bottom */
            bottom: boolean;
            /** Title */
            title?: string | null;
            /** Level */
            level?: number | null;
        };
        /** CitizenCategory */
        CitizenCategory: {
            /** Code */
            code: string;
            /** Name */
            name: string;
        };
        /**
         * ClientConfig
         * @description What the PWA needs before sign-in.
         */
        ClientConfig: {
            /**
             * Area Bbox
             * @description [minLon, minLat, maxLon, maxLat] of the roads and zones; null before import
             */
            area_bbox: number[] | null;
            /** Report Max Outside M */
            report_max_outside_m: number;
            /** Tianditu Key */
            tianditu_key: string;
            /** Max Photo Bytes */
            max_photo_bytes: number;
            /** Max Photos */
            max_photos: number;
        };
        /**
         * Cluster
         * @description The tickets of one grid cell: where their middle is, and how many of each.
         */
        Cluster: {
            /** Lat */
            lat: number;
            /** Lon */
            lon: number;
            /** Count */
            count: number;
            status: components["schemas"]["StatusCounts"];
            light: components["schemas"]["LightCounts"];
            /**
             * Ticket Id
             * @description the ticket, when the cell holds just one
             */
            ticket_id: number | null;
        };
        /** ClusterView */
        ClusterView: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            mode: "clusters";
            /** Zoom */
            zoom: number;
            /**
             * Cell
             * @description the grid's cell size in degrees
             */
            cell: number;
            /** Total */
            total: number;
            /** Clusters */
            clusters: components["schemas"]["Cluster"][];
        };
        /** CurrentMilestone */
        CurrentMilestone: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            /**
             * Due On
             * Format: date
             */
            due_on: string;
            /**
             * Due At
             * Format: date-time
             */
            due_at: string;
        };
        /** DeliveryLog */
        DeliveryLog: {
            /** Data */
            data: components["schemas"]["NotificationRead"][];
            /** Count */
            count: number;
            /** By Status */
            by_status: {
                [key: string]: number;
            };
        };
        /**
         * DeliveryStatus
         * @enum {string}
         */
        DeliveryStatus: "queued" | "sending" | "sent" | "dead";
        /** DepartmentRef */
        DepartmentRef: {
            /** Id */
            id: number;
            /** Code */
            code: string;
            /** Name */
            name: string;
        };
        /** DepartmentRow */
        DepartmentRow: {
            /** New */
            new: number;
            /** Closed */
            closed: number;
            /** Due */
            due: number;
            /** Due Closed */
            due_closed: number;
            /** Due In Time */
            due_in_time: number;
            /** Rectified */
            rectified: number;
            /** Reworked */
            reworked: number;
            /** Overdue */
            overdue: number;
            /** Ratings */
            ratings: number;
            /** Closure Rate */
            closure_rate: number | null;
            /** On Time Rate */
            on_time_rate: number | null;
            /** Rework Rate */
            rework_rate: number | null;
            /** Overdue Share */
            overdue_share: number | null;
            /** Avg Rectify Hours */
            avg_rectify_hours: number | null;
            /** Satisfaction Rate */
            satisfaction_rate: number | null;
            /** Score */
            score: number | null;
            /** Grade */
            grade: string;
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Rank */
            rank: number | null;
            /** Tied */
            tied: boolean;
            /** Bottom */
            bottom: boolean;
            /** Code */
            code?: string;
        };
        /** DismissBody */
        DismissBody: {
            /**
             * Reason
             * @enum {string}
             */
            reason: "invalid" | "duplicate";
            /** Duplicate Of */
            duplicate_of?: number | null;
            /**
             * Note
             * @default
             */
            note?: string;
        };
        /** DispatchBody */
        DispatchBody: {
            /** Road Id */
            road_id?: number | null;
            /** Grid Id */
            grid_id?: number | null;
            /** Assignee Id */
            assignee_id?: number | null;
            /** Department Id */
            department_id?: number | null;
            /**
             * Note
             * @default
             */
            note?: string;
        };
        /** DrawBody */
        DrawBody: {
            /** Per Type Per Zone */
            per_type_per_zone: number;
            /** Seed */
            seed?: number | null;
            /** Site Types */
            site_types?: string[];
        };
        /**
         * Duplicate
         * @description A probable duplicate: near by, or with a photo alike (`hamming` bits apart).
         */
        Duplicate: {
            ticket: components["schemas"]["TicketSummary"];
            /** Reasons */
            reasons: ("nearby" | "photo")[];
            /** Distance M */
            distance_m: number;
            /** Hamming */
            hamming: number | null;
        };
        /**
         * ErrorBody
         * @description Every error answer: a message for people, a stable code for programs.
         */
        ErrorBody: {
            /**
             * Detail
             * @description what went wrong, in words
             */
            detail: string;
            /**
             * Code
             * @description a stable machine-readable code, e.g. invalid, not_found
             */
            code: string;
        } & {
            [key: string]: unknown;
        };
        /** EscalateBody */
        EscalateBody: {
            /**
             * Note
             * @default
             */
            note?: string;
        };
        /** Filed */
        Filed: {
            /**
             * Token
             * @description the reporter's key to the tracking page
             */
            token: string;
            /** Tracking Url */
            tracking_url: string;
            status: components["schemas"]["IntakeStatus"];
        };
        /**
         * GridCandidate
         * @description A grid the report could belong to, on no road near the edge of two grids.
         */
        GridCandidate: {
            /** Grid Id */
            grid_id: number;
            /** Grid Name */
            grid_name: string | null;
            /** Chief Id */
            chief_id: number | null;
            /** Distance M */
            distance_m: number;
        };
        /** GridCollection */
        GridCollection: {
            /**
             * Type
             * @constant
             */
            type: "FeatureCollection";
            /** Features */
            features: components["schemas"]["GridFeature"][];
        };
        /** GridFeature */
        GridFeature: {
            /**
             * Type
             * @constant
             */
            type: "Feature";
            /** Id */
            id: number;
            /** Geometry */
            geometry: {
                /** @enum {string} */
                type: "Polygon";
                coordinates: number[][][];
            } | {
                /** @enum {string} */
                type: "MultiPolygon";
                coordinates: number[][][][];
            };
            properties: components["schemas"]["GridProperties"];
        };
        /** GridIn */
        GridIn: {
            /** Name */
            name: string;
            /** Zone Id */
            zone_id: number;
            /** Chief Id */
            chief_id?: number | null;
            /** Member Ids */
            member_ids?: number[];
            /** Geometry */
            geometry: {
                [key: string]: unknown;
            };
        };
        /** GridOut */
        GridOut: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Zone Id */
            zone_id: number;
            /** Chief Id */
            chief_id: number | null;
        };
        /** GridProperties */
        GridProperties: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            zone: components["schemas"]["Ref"];
            /** @description 网格长 */
            chief: components["schemas"]["ChiefRef"] | null;
            /**
             * Members
             * @description 网格员
             */
            members: components["schemas"]["ChiefRef"][];
        };
        /** GridUpdate */
        GridUpdate: {
            /** Name */
            name?: string;
            /**
             * Chief Id
             * @description null leaves it with nobody
             */
            chief_id?: number | null;
            /**
             * Member Ids
             * @description the grid's 网格员; [] leaves it with none
             */
            member_ids?: number[];
            /** Geometry */
            geometry?: {
                [key: string]: unknown;
            };
        };
        /** GridsImported */
        GridsImported: {
            /** Grids Created */
            grids_created: number;
            /** Grids Updated */
            grids_updated: number;
            /** Grids Unchanged */
            grids_unchanged: number;
        };
        /** HandoffBody */
        HandoffBody: {
            /** Department Id */
            department_id: number;
            /** Note */
            note: string;
        };
        /** HealthRead */
        HealthRead: {
            /**
             * Ok
             * @constant
             */
            ok: true;
            /**
             * Checks
             * @description database, migrations, storage: ok each
             */
            checks: {
                [key: string]: string;
            };
        };
        /** HeldGridMember */
        HeldGridMember: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            /**
             * Member
             * @description a 网格员 of the grid, not its 网格长
             * @constant
             */
            member: true;
        };
        /**
         * HoldingsIn
         * @description Ids of what the person is to hold; anything they hold now and is not listed is let go.
         */
        HoldingsIn: {
            /** Road Ids */
            road_ids?: number[];
            /** Zone Ids */
            zone_ids?: number[];
            /** Led Zone Ids */
            led_zone_ids?: number[];
            /** Grid Ids */
            grid_ids?: number[];
            /** Member Grid Ids */
            member_grid_ids?: number[];
        };
        /** IntakePhoto */
        IntakePhoto: {
            /** Id */
            id: number;
            /** Url */
            url: string;
            /** Thumb Url */
            thumb_url: string;
        };
        /**
         * IntakeReport
         * @description A citizen's or an outside system's report as staff see it.
         */
        IntakeReport: {
            /** Id */
            id: number;
            channel: components["schemas"]["Channel"];
            status: components["schemas"]["IntakeStatus"];
            /** Status Label */
            status_label: string;
            category: components["schemas"]["CategoryName"];
            /** Description */
            description: string;
            /** Lat */
            lat: number;
            /** Lon */
            lon: number;
            /** Accuracy M */
            accuracy_m: number | null;
            /** Address */
            address: string;
            /**
             * Media Url
             * @description the picture an outside system linked to (Open311 media_url), for staff only
             */
            media_url: string | null;
            /** Phone */
            phone: string | null;
            /** Email */
            email: string | null;
            /** Contact Name */
            contact_name: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Triage Due At
             * Format: date-time
             */
            triage_due_at: string;
            /** Light */
            light: ("green" | "yellow" | "red") | null;
            /** Triaged At */
            triaged_at: string | null;
            /** Reject Reason */
            reject_reason: string;
            ticket: components["schemas"]["TicketNumber"] | null;
            /** Photos */
            photos: components["schemas"]["IntakePhoto"][];
            /** Candidates */
            candidates: components["schemas"]["MergeCandidate"][];
        };
        /**
         * IntakeStatus
         * @enum {string}
         */
        IntakeStatus: "triage" | "accepted" | "merged" | "rejected";
        /** IssueBody */
        IssueBody: {
            /** Requirements */
            requirements: string;
        };
        /** ItemLost */
        ItemLost: {
            /** Item Code */
            item_code: string;
            /** Text */
            text: string;
            /** Points Lost */
            points_lost: number;
            /** Sites */
            sites: number;
            /** Occurrences */
            occurrences: number;
        };
        /**
         * ItemOutcome
         * @enum {string}
         */
        ItemOutcome: "pass" | "deduct" | "na";
        /** Keys */
        Keys: {
            /** P256Dh */
            p256dh: string;
            /** Auth */
            auth: string;
        };
        /** LedgerBroken */
        LedgerBroken: {
            /**
             * Ok
             * @constant
             */
            ok: false;
            /** Checked */
            checked: number;
            first_bad: components["schemas"]["BadEvent"];
        };
        /** LedgerIntact */
        LedgerIntact: {
            /**
             * Ok
             * @constant
             */
            ok: true;
            /** Checked */
            checked: number;
            /** First Bad */
            first_bad: null;
            /** Head */
            head: string | null;
        };
        /** LightCounts */
        LightCounts: {
            /** Green */
            green: number;
            /** Yellow */
            yellow: number;
            /** Red */
            red: number;
        };
        /**
         * LimitUnit
         * @enum {string}
         */
        LimitUnit: "work_hours" | "work_days" | "hours";
        /**
         * Measures
         * @description A unit's (or the whole town's) figures for the week (app/stats/service.py docstring).
         */
        Measures: {
            /** New */
            new: number;
            /** Closed */
            closed: number;
            /** Due */
            due: number;
            /** Due Closed */
            due_closed: number;
            /** Due In Time */
            due_in_time: number;
            /** Rectified */
            rectified: number;
            /** Reworked */
            reworked: number;
            /** Overdue */
            overdue: number;
            /** Ratings */
            ratings: number;
            /** Closure Rate */
            closure_rate: number | null;
            /** On Time Rate */
            on_time_rate: number | null;
            /** Rework Rate */
            rework_rate: number | null;
            /** Overdue Share */
            overdue_share: number | null;
            /** Avg Rectify Hours */
            avg_rectify_hours: number | null;
            /** Satisfaction Rate */
            satisfaction_rate: number | null;
            /** Score */
            score: number | null;
            /** Grade */
            grade: string;
        };
        /**
         * MergeBody
         * @description The ticket to follow: its id, or its number as people read it (20261201-0042).
         */
        MergeBody: {
            /** Ticket Id */
            ticket_id?: number | null;
            /** Number */
            number?: string | null;
            /**
             * Note
             * @default
             */
            note?: string;
        };
        /**
         * MergeCandidate
         * @description An open ticket of the same category within 50 m.
         */
        MergeCandidate: {
            /** Id */
            id: number;
            /** Number */
            number: string;
            status: components["schemas"]["Status"];
            /** Distance M */
            distance_m: number;
        };
        /** MilestoneBody */
        MilestoneBody: {
            /** Name */
            name: string;
            /**
             * Due On
             * Format: date
             */
            due_on: string;
        };
        /** MilestoneRead */
        MilestoneRead: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            /**
             * Due On
             * Format: date
             */
            due_on: string;
            /**
             * Due At
             * Format: date-time
             */
            due_at: string;
            /** Seq */
            seq: number;
            /** Done At */
            done_at: string | null;
        };
        /** MyDeduction */
        MyDeduction: {
            round: components["schemas"]["RoundRef"];
            site: components["schemas"]["SheetSite"];
            /** Sheet Id */
            sheet_id: number;
            /** Item Code */
            item_code: string;
            /** Text */
            text: string;
            /** Occurrences */
            occurrences: number;
            /** Points */
            points: number;
            /** Note */
            note: string;
            ticket: components["schemas"]["MyDeductionTicket"] | null;
            /**
             * To Rectify
             * @description its ticket is still open
             */
            to_rectify: boolean;
        };
        /** MyDeductionTicket */
        MyDeductionTicket: {
            /** Id */
            id: number;
            /** Number */
            number: string;
            /** Status */
            status: string;
            /** Due At */
            due_at: string | null;
        };
        /**
         * MyLatest
         * @description A site's latest published sheet.
         */
        MyLatest: {
            round: components["schemas"]["RoundRef"];
            /** Sheet Id */
            sheet_id: number;
            /** Score */
            score: number;
            /**
             * Submitted At
             * Format: date-time
             */
            submitted_at: string;
        };
        /**
         * MyResults
         * @description My unit's sites, their latest published scores, the deductions and what to rectify.
         */
        MyResults: {
            /** Sites */
            sites: components["schemas"]["MySite"][];
            /** Deductions */
            deductions: components["schemas"]["MyDeduction"][];
            /** To Rectify */
            to_rectify: number;
        };
        /** MySite */
        MySite: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Type */
            type: string;
            /** Type Name */
            type_name: string;
            /** Zone */
            zone: string | null;
            /** Zone Id */
            zone_id: number | null;
            unit: components["schemas"]["SiteUnit"] | null;
            /**
             * Unit Receives
             * @description someone receives the unit's deduction tickets (else routed by location)
             */
            unit_receives: boolean;
            /** Road Id */
            road_id: number | null;
            /** Checkin Radius M */
            checkin_radius_m: number | null;
            /** Lat */
            lat: number;
            /** Lon */
            lon: number;
            latest: components["schemas"]["MyLatest"] | null;
            /**
             * Sheets
             * @description published sheets at the site
             */
            sheets: number;
        };
        /** NamedDepartment */
        NamedDepartment: {
            /** Id */
            id: number;
            /** Name */
            name: string | null;
        };
        /**
         * NoticeDocument
         * @description The 通报 around the tables (app/stats/document.py).
         */
        NoticeDocument: {
            /**
             * Issuer
             * @description 红头
             */
            issuer: string;
            /** Issued */
            issued: boolean;
            /**
             * Number
             * @description 文号, null until issued
             */
            number: string | null;
            /** Title */
            title: string;
            /** Addressee */
            addressee: string;
            /**
             * Overview
             * @description 总体情况
             */
            overview: string;
            /**
             * Problems
             * @description 存在问题
             */
            problems: string[];
            /**
             * Requirements
             * @description 工作要求
             */
            requirements: string;
            /** Signature */
            signature: string;
            /**
             * Date
             * @description 落款
             */
            date: string;
            /**
             * Cc
             * @description 抄送
             */
            cc: string;
        };
        /** NotificationRead */
        NotificationRead: {
            /** Id */
            id: number;
            /** Message Id */
            message_id: string;
            /** Event */
            event: string;
            /** Title */
            title: string;
            /**
             * Kind
             * @description a channel kind for groups, a personal kind for people
             */
            kind: string;
            /** Channel Id */
            channel_id: number | null;
            /** User Id */
            user_id: number | null;
            /** Ticket Id */
            ticket_id: number | null;
            /** Ticket Number */
            ticket_number: string | null;
            /** Recipients */
            recipients: string[];
            status: components["schemas"]["DeliveryStatus"];
            /** Attempts */
            attempts: number;
            /**
             * Next Attempt At
             * Format: date-time
             */
            next_attempt_at: string;
            /** Last Error */
            last_error: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Sent At */
            sent_at: string | null;
            /** Log */
            log: components["schemas"]["AttemptRead"][];
        };
        /** OverdueTicket */
        OverdueTicket: {
            /** Number */
            number: string;
            /** Category */
            category: string;
            /** Road */
            road: string | null;
            /** Assignee */
            assignee: string | null;
            /**
             * Due At
             * Format: date-time
             */
            due_at: string;
            /** Overdue Days */
            overdue_days: number;
            /** Overdue Hours */
            overdue_hours: number;
            /** Escalation Level */
            escalation_level: number;
        };
        /** PhotoChoice */
        PhotoChoice: {
            /** Photo Id */
            photo_id: number;
            /** Blur */
            blur?: number[][];
        };
        /**
         * PhotoGps
         * @description Where the phone's EXIF says the photo was taken.
         */
        PhotoGps: {
            /** Lat */
            lat: number;
            /** Lon */
            lon: number;
            /** Accuracy M */
            accuracy_m: number | null;
        };
        /**
         * PhotoKind
         * @enum {string}
         */
        PhotoKind: "before" | "after" | "verify";
        /** PhotoRead */
        PhotoRead: {
            /** Id */
            id: number;
            kind: components["schemas"]["PhotoKind"];
            /** Url */
            url: string;
            /** Thumb Url */
            thumb_url: string;
            /** Original Url */
            original_url: string;
            /** Width */
            width: number;
            /** Height */
            height: number;
            /** Taken At */
            taken_at: string | null;
            /** Created At */
            created_at: string | null;
            gps: components["schemas"]["PhotoGps"] | null;
            /** Distance M */
            distance_m: number | null;
            /** Flags */
            flags: {
                [key: string]: unknown;
            };
        };
        /** PreferencesIn */
        PreferencesIn: {
            /** Channels */
            channels?: ("webpush" | "sms")[];
            /** Quiet Start */
            quiet_start?: string;
            /** Quiet End */
            quiet_end?: string;
            /** Digest */
            digest?: boolean;
        };
        /** PreferencesRead */
        PreferencesRead: {
            /** Channels */
            channels: string[];
            /**
             * Quiet Start
             * @description HH:MM
             */
            quiet_start: string;
            /**
             * Quiet End
             * @description HH:MM
             */
            quiet_end: string;
            /** Digest */
            digest: boolean;
            /** Push Devices */
            push_devices: number;
            /** Has Phone */
            has_phone: boolean;
        };
        /** ProblemCategory */
        ProblemCategory: {
            /** Code */
            code: string;
            /** Name */
            name: string;
            /** New */
            new: number;
        };
        /** ProgressPhoto */
        ProgressPhoto: {
            /** Url */
            url: string;
            /** Thumb Url */
            thumb_url: string;
            /**
             * Reused From
             * @description the earlier reports of this task, or tickets, with the same photo
             */
            reused_from: (components["schemas"]["ReusedFromProgress"] | components["schemas"]["ReusedFromTicket"])[];
        };
        /** ProgressRead */
        ProgressRead: {
            /** Id */
            id: number;
            /**
             * Kind
             * @enum {string}
             */
            kind: "progress" | "complete";
            /** Note */
            note: string;
            author: components["schemas"]["TaskPerson"] | null;
            /** Milestone Id */
            milestone_id: number | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Photos */
            photos: components["schemas"]["ProgressPhoto"][];
        };
        /**
         * PublicItem
         * @description Every field a public board shows of a case (nothing else may appear).
         */
        PublicItem: {
            /** Id */
            id: number;
            board: components["schemas"]["Board"];
            /** Title */
            title: string;
            /** Note */
            note: string;
            /** Road */
            road: string;
            /** Unit */
            unit: string;
            /** Category */
            category: string;
            /**
             * Published At
             * Format: date-time
             */
            published_at: string;
            facts: components["schemas"]["PublicationFacts"];
            /** Photos */
            photos: components["schemas"]["PublicPhoto"][];
        };
        /** PublicPhoto */
        PublicPhoto: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "before" | "after";
            /** Url */
            url: string;
            /** Width */
            width: number;
            /** Height */
            height: number;
        };
        /** PublicationFacts */
        PublicationFacts: {
            /**
             * Received On
             * Format: date
             */
            received_on: string;
            /** Closed On */
            closed_on: string | null;
            /**
             * Overdue Days
             * @description 曝光 only: how late it was
             */
            overdue_days: number | null;
            /** Rework Count */
            rework_count: number;
        };
        /**
         * PublicationRow
         * @description A publication as the publishers see it, withdrawn ones included.
         */
        PublicationRow: {
            /** Id */
            id: number;
            board: components["schemas"]["Board"];
            /** Title */
            title: string;
            /** Note */
            note: string;
            /** Road */
            road: string;
            /** Unit */
            unit: string;
            /** Category */
            category: string;
            /**
             * Published At
             * Format: date-time
             */
            published_at: string;
            facts: components["schemas"]["PublicationFacts"];
            /** Photos */
            photos: components["schemas"]["PublicPhoto"][];
            ticket: components["schemas"]["TicketNumberMaybe"];
            /** Withdrawn At */
            withdrawn_at: string | null;
            /**
             * Blur
             * @description per photo: [x, y, w, h] fractions
             */
            blur: number[][][];
        };
        /** PublishBody */
        PublishBody: {
            /** Ticket Id */
            ticket_id: number;
            board: components["schemas"]["Board"];
            /** Title */
            title: string;
            /**
             * Note
             * @default
             */
            note?: string;
            /** Unit Name */
            unit_name?: string | null;
            /** Photos */
            photos: components["schemas"]["PhotoChoice"][];
        };
        /** QuestionnaireDetail */
        QuestionnaireDetail: {
            /** Code */
            code: string;
            /** Name */
            name: string;
            /** Questions */
            questions: components["schemas"]["SurveyQuestionRead"][];
        };
        /** QuestionnaireRead */
        QuestionnaireRead: {
            /** Code */
            code: string;
            /** Name */
            name: string;
        };
        /** Rated */
        Rated: {
            score: components["schemas"]["Score"];
            review: components["schemas"]["ReviewStatus"] | null;
        };
        /** RatingBody */
        RatingBody: {
            score: components["schemas"]["Score"];
            /**
             * Reason
             * @default
             */
            reason?: string;
        };
        /** RatingRead */
        RatingRead: {
            score: components["schemas"]["Score"];
            /** Label */
            label: string;
            /** Reason */
            reason: string;
        };
        /**
         * Ref
         * @description Something named: a road, a zone, a grid, a site.
         */
        Ref: {
            /** Id */
            id: number;
            /** Name */
            name: string;
        };
        /** RejectBody */
        RejectBody: {
            /** Reason */
            reason: string;
        };
        /** Rejected */
        Rejected: {
            status: components["schemas"]["IntakeStatus"];
            /** Reject Reason */
            reject_reason: string;
        };
        /** RerouteIn */
        RerouteIn: {
            /** Expected */
            expected: number;
        };
        /** RerouteMove */
        RerouteMove: {
            /** Id */
            id: number;
            /** Number */
            number: string;
            /**
             * From
             * @description the assignee now
             */
            from: string | null;
            /**
             * To
             * @description the assignee after re-routing
             */
            to: string | null;
        };
        /**
         * ReroutePreview
         * @description Open tickets whose road or grid now has another chief (the first 200 listed).
         */
        ReroutePreview: {
            /** Count */
            count: number;
            /** Tickets */
            tickets: components["schemas"]["RerouteMove"][];
        };
        /** Rerouted */
        Rerouted: {
            /** Moved */
            moved: number;
        };
        /**
         * ResultPhoto
         * @description A photo kept on a result that filed no ticket, shaped like a ticket's photo.
         */
        ResultPhoto: {
            /**
             * Id
             * @description RESULT-N
             */
            id: string;
            /**
             * Kind
             * @constant
             */
            kind: "before";
            /** Url */
            url: string;
            /** Thumb Url */
            thumb_url: string;
            /** Original Url */
            original_url: string;
            /** Width */
            width: number | null;
            /** Height */
            height: number | null;
            /** Taken At */
            taken_at: string | null;
            /** Gps */
            gps: {
                [key: string]: unknown;
            } | null;
        };
        /** ReusedFromProgress */
        ReusedFromProgress: {
            /** Progress Id */
            progress_id: number;
        };
        /** ReusedFromTicket */
        ReusedFromTicket: {
            /** Ticket Id */
            ticket_id: number;
            /** Number */
            number: string;
        };
        /** ReviewBody */
        ReviewBody: {
            /**
             * Decision
             * @enum {string}
             */
            decision: "uphold" | "reopen";
            /** Note */
            note: string;
        };
        /**
         * ReviewRow
         * @description An unsatisfied rating waiting for a supervisor.
         */
        ReviewRow: {
            /** Id */
            id: number;
            score: components["schemas"]["Score"];
            /** Label */
            label: string;
            /** Reason */
            reason: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            ticket: components["schemas"]["ReviewTicket"];
        };
        /**
         * ReviewStatus
         * @enum {string}
         */
        ReviewStatus: "open" | "upheld" | "reopened";
        /** ReviewTicket */
        ReviewTicket: {
            /** Id */
            id: number;
            /** Number */
            number: string;
            status: components["schemas"]["Status"];
        };
        /** Reviewed */
        Reviewed: {
            review: components["schemas"]["ReviewStatus"] | null;
        };
        /** RoadCollection */
        RoadCollection: {
            /**
             * Type
             * @constant
             */
            type: "FeatureCollection";
            /** Features */
            features: components["schemas"]["RoadFeature"][];
        };
        /** RoadFeature */
        RoadFeature: {
            /**
             * Type
             * @constant
             */
            type: "Feature";
            /** Id */
            id: number;
            /** Geometry */
            geometry: {
                /** @enum {string} */
                type: "LineString";
                coordinates: number[][];
            } | {
                /** @enum {string} */
                type: "MultiLineString";
                coordinates: number[][][];
            };
            properties: components["schemas"]["RoadProperties"];
        };
        /** RoadIn */
        RoadIn: {
            /** Name */
            name: string;
            /** Zone Id */
            zone_id: number;
            /** Chief Id */
            chief_id?: number | null;
            /** Geometry */
            geometry: {
                [key: string]: unknown;
            };
        };
        /** RoadNetworkImported */
        RoadNetworkImported: {
            /** Areas Created */
            areas_created: number;
            /** Chiefs Created */
            chiefs_created: number;
            /** Zones Created */
            zones_created: number;
            /** Zones Updated */
            zones_updated: number;
            /** Zones Unchanged */
            zones_unchanged: number;
            /** Roads Created */
            roads_created: number;
            /** Roads Updated */
            roads_updated: number;
            /** Roads Unchanged */
            roads_unchanged: number;
        };
        /** RoadOut */
        RoadOut: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Zone Id */
            zone_id: number | null;
            /** Chief Id */
            chief_id: number | null;
        };
        /** RoadProperties */
        RoadProperties: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            zone: components["schemas"]["Ref"] | null;
            chief: components["schemas"]["ChiefRef"] | null;
        };
        /** RoadRow */
        RoadRow: {
            /** New */
            new: number;
            /** Closed */
            closed: number;
            /** Due */
            due: number;
            /** Due Closed */
            due_closed: number;
            /** Due In Time */
            due_in_time: number;
            /** Rectified */
            rectified: number;
            /** Reworked */
            reworked: number;
            /** Overdue */
            overdue: number;
            /** Ratings */
            ratings: number;
            /** Closure Rate */
            closure_rate: number | null;
            /** On Time Rate */
            on_time_rate: number | null;
            /** Rework Rate */
            rework_rate: number | null;
            /** Overdue Share */
            overdue_share: number | null;
            /** Avg Rectify Hours */
            avg_rectify_hours: number | null;
            /** Satisfaction Rate */
            satisfaction_rate: number | null;
            /** Score */
            score: number | null;
            /** Grade */
            grade: string;
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Rank */
            rank: number | null;
            /** Tied */
            tied: boolean;
            /** Bottom */
            bottom: boolean;
            /** Chief */
            chief?: string | null;
        };
        /** RoadUpdate */
        RoadUpdate: {
            /** Name */
            name?: string;
            /**
             * Zone Id
             * @description another zone; a road always has one
             */
            zone_id?: number;
            /**
             * Chief Id
             * @description null leaves it with nobody
             */
            chief_id?: number | null;
            /** Geometry */
            geometry?: {
                [key: string]: unknown;
            };
        };
        /**
         * Role
         * @enum {string}
         */
        Role: "inspector" | "chief" | "department" | "supervisor" | "admin" | "leader";
        /** RoundBody */
        RoundBody: {
            /** Name */
            name: string;
            kind: components["schemas"]["RoundKind"];
            /** Standards Version */
            standards_version?: string | null;
            /**
             * Starts On
             * Format: date
             */
            starts_on: string;
            /**
             * Ends On
             * Format: date
             */
            ends_on: string;
            /** Inspector Ids */
            inspector_ids?: number[];
            /** Site Ids */
            site_ids?: number[] | null;
            draw?: components["schemas"]["DrawBody"] | null;
            /** Questionnaire */
            questionnaire?: string | null;
        };
        /**
         * RoundDetail
         * @description The round with its sites (done / to do / flagged), inspectors, checklist and survey.
         */
        RoundDetail: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            kind: components["schemas"]["RoundKind"];
            status: components["schemas"]["RoundStatus"];
            /** Standards Version */
            standards_version: string | null;
            /**
             * Starts On
             * Format: date
             */
            starts_on: string;
            /**
             * Ends On
             * Format: date
             */
            ends_on: string;
            /** @description null: the sites were chosen by hand */
            draw: components["schemas"]["RoundDraw"] | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Closed At */
            closed_at: string | null;
            progress: components["schemas"]["RoundProgress"];
            /** Sites */
            sites: components["schemas"]["RoundSite"][];
            /** Inspectors */
            inspectors: components["schemas"]["UserRef"][];
            /** Checklist */
            checklist: components["schemas"]["ChecklistItem"][];
            /**
             * Site Types
             * @description site type code: name
             */
            site_types: {
                [key: string]: string;
            };
            questionnaire: components["schemas"]["QuestionnaireDetail"] | null;
        };
        /**
         * RoundDraw
         * @description How the round's sites were drawn: so many per site type and zone, from this seed.
         */
        RoundDraw: {
            /** Per Type Per Zone */
            per_type_per_zone: number;
            /** Seed */
            seed: number;
            /** Site Types */
            site_types?: string[];
        };
        /**
         * RoundKind
         * @enum {string}
         */
        RoundKind: "quarterly" | "daily" | "self";
        /** RoundList */
        RoundList: {
            /** Data */
            data: components["schemas"]["RoundSummary"][];
            /** Count */
            count: number;
        };
        /** RoundProgress */
        RoundProgress: {
            /** Sites */
            sites: number;
            /**
             * Done
             * @description sites with a sheet
             */
            done: number;
            /**
             * Flagged
             * @description sheets scored far from their site
             */
            flagged: number;
        };
        /** RoundRef */
        RoundRef: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            kind: components["schemas"]["RoundKind"];
            /** Kind Label */
            kind_label: string;
            status: components["schemas"]["RoundStatus"];
        };
        /**
         * RoundScores
         * @description A round's scoreboard: sites, units and zones ranked, the items that lost most, tickets.
         */
        RoundScores: {
            round: components["schemas"]["ScoresRound"];
            settings: components["schemas"]["ScoresSettings"];
            totals: components["schemas"]["ScoresTotals"];
            /** Sites */
            sites: components["schemas"]["SiteScore"][];
            /** Units */
            units: components["schemas"]["UnitScore"][];
            /** Zones */
            zones: components["schemas"]["ZoneScore"][];
            /** Items */
            items: components["schemas"]["ItemLost"][];
            tickets: components["schemas"]["TicketsSpawned"];
        };
        /** RoundSite */
        RoundSite: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Type */
            type: string;
            /** Type Name */
            type_name: string;
            /** Zone */
            zone: string | null;
            /** Zone Id */
            zone_id: number | null;
            unit: components["schemas"]["SiteUnit"] | null;
            /**
             * Unit Receives
             * @description someone receives the unit's deduction tickets (else routed by location)
             */
            unit_receives: boolean;
            /** Road Id */
            road_id: number | null;
            /** Checkin Radius M */
            checkin_radius_m: number | null;
            /** Lat */
            lat: number;
            /** Lon */
            lon: number;
            /** Geometry */
            geometry: {
                /** @enum {string} */
                type: "Point";
                coordinates: number[];
            } | {
                /** @enum {string} */
                type: "LineString";
                coordinates: number[][];
            } | {
                /** @enum {string} */
                type: "MultiLineString";
                coordinates: number[][][];
            } | {
                /** @enum {string} */
                type: "Polygon";
                coordinates: number[][][];
            } | {
                /** @enum {string} */
                type: "MultiPolygon";
                coordinates: number[][][][];
            };
            sheet: components["schemas"]["SheetBrief"] | null;
        };
        /**
         * RoundStatus
         * @enum {string}
         */
        RoundStatus: "open" | "closed";
        /** RoundSummary */
        RoundSummary: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            kind: components["schemas"]["RoundKind"];
            status: components["schemas"]["RoundStatus"];
            /** Standards Version */
            standards_version: string | null;
            /**
             * Starts On
             * Format: date
             */
            starts_on: string;
            /**
             * Ends On
             * Format: date
             */
            ends_on: string;
            /** @description null: the sites were chosen by hand */
            draw: components["schemas"]["RoundDraw"] | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Closed At */
            closed_at: string | null;
            progress: components["schemas"]["RoundProgress"];
        };
        /**
         * RouteCandidate
         * @description A road the report could belong to, where two roads meet.
         */
        RouteCandidate: {
            /** Road Id */
            road_id: number;
            /** Road Name */
            road_name: string | null;
            /** Distance M */
            distance_m: number;
        };
        /**
         * Score
         * @enum {string}
         */
        Score: "satisfied" | "fair" | "unsatisfied";
        /** ScoresPrevious */
        ScoresPrevious: {
            /** Id */
            id: number;
            /** Name */
            name: string;
        };
        /** ScoresRound */
        ScoresRound: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            kind: components["schemas"]["RoundKind"];
            /** Kind Label */
            kind_label: string;
            status: components["schemas"]["RoundStatus"];
            /**
             * Starts On
             * Format: date
             */
            starts_on: string;
            /**
             * Ends On
             * Format: date
             */
            ends_on: string;
            /** @description the round the deltas compare with */
            previous: components["schemas"]["ScoresPrevious"] | null;
        };
        /** ScoresSettings */
        ScoresSettings: {
            /**
             * Type Weights
             * @description site type code: its weight in means
             */
            type_weights: {
                [key: string]: number;
            };
            /** Bottom N */
            bottom_n: number;
        };
        /** ScoresTotals */
        ScoresTotals: {
            /** Sites */
            sites: number;
            /** Done */
            done: number;
            /** Flagged */
            flagged: number;
            /** Score */
            score: number | null;
        };
        /** SheetBrief */
        SheetBrief: {
            /** Id */
            id: number;
            /** Score */
            score: number;
            /**
             * Far
             * @description scored far from the site (flagged)
             */
            far: boolean;
            /** Distance M */
            distance_m: number | null;
        };
        /**
         * SheetRead
         * @description A site's score sheet with each item's outcome, the ticket it filed and its photos.
         */
        SheetRead: {
            /** Id */
            id: number;
            /** Round Id */
            round_id: number;
            site: components["schemas"]["SheetSite"];
            /** Inspector Id */
            inspector_id: number;
            checked_in: components["schemas"]["CheckIn"];
            /** Distance M */
            distance_m: number | null;
            /** Far */
            far: boolean;
            /** Score */
            score: number;
            /** Deducted */
            deducted: number;
            /**
             * Submitted At
             * Format: date-time
             */
            submitted_at: string;
            /** Tickets */
            tickets: number[];
            /**
             * Unit Unreachable
             * @description the unit that had nobody to receive its tickets (they went by location)
             */
            unit_unreachable: string | null;
            /** Results */
            results: components["schemas"]["SheetResultRead"][];
        };
        /** SheetResultRead */
        SheetResultRead: {
            /** Item Code */
            item_code: string;
            /** Text */
            text: string;
            outcome: components["schemas"]["ItemOutcome"];
            /** Occurrences */
            occurrences: number;
            /** Points */
            points: number;
            /** Note */
            note: string;
            ticket: components["schemas"]["SheetTicket"] | null;
            /** Photos */
            photos: (components["schemas"]["PhotoRead"] | components["schemas"]["ResultPhoto"])[];
        };
        /** SheetSite */
        SheetSite: {
            /** Id */
            id: number;
            /** Name */
            name: string | null;
        };
        /** SheetTicket */
        SheetTicket: {
            /** Id */
            id: number;
            /** Number */
            number: string;
            /** Status */
            status: string;
            /**
             * Routed By Location
             * @description the site's unit had nobody to receive it: routed by location (flagged)
             */
            routed_by_location: boolean;
        };
        /** SiteCollection */
        SiteCollection: {
            /**
             * Type
             * @constant
             */
            type: "FeatureCollection";
            /** Features */
            features: components["schemas"]["SiteFeature"][];
        };
        /** SiteFeature */
        SiteFeature: {
            /**
             * Type
             * @constant
             */
            type: "Feature";
            /** Id */
            id: number;
            /** Geometry */
            geometry: {
                /** @enum {string} */
                type: "Point";
                coordinates: number[];
            } | {
                /** @enum {string} */
                type: "LineString";
                coordinates: number[][];
            } | {
                /** @enum {string} */
                type: "MultiLineString";
                coordinates: number[][][];
            } | {
                /** @enum {string} */
                type: "Polygon";
                coordinates: number[][][];
            } | {
                /** @enum {string} */
                type: "MultiPolygon";
                coordinates: number[][][][];
            };
            properties: components["schemas"]["SiteProperties"];
        };
        /** SiteProperties */
        SiteProperties: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Type */
            type: string;
            /** Type Name */
            type_name: string;
            /** Zone */
            zone: string | null;
            /** Zone Id */
            zone_id: number | null;
            unit: components["schemas"]["SiteUnit"] | null;
            /**
             * Unit Receives
             * @description someone receives the unit's deduction tickets (else routed by location)
             */
            unit_receives: boolean;
            /** Road Id */
            road_id: number | null;
            /** Checkin Radius M */
            checkin_radius_m: number | null;
            /** Lat */
            lat: number;
            /** Lon */
            lon: number;
        };
        /** SiteScore */
        SiteScore: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Type */
            type: string;
            /** Type Name */
            type_name: string;
            /** Zone */
            zone: string | null;
            /** Unit */
            unit: string | null;
            /** Score */
            score: number | null;
            /** Far */
            far: boolean;
        };
        /** SiteTypeBody */
        SiteTypeBody: {
            /** Code */
            code: string;
            /** Name */
            name: string;
        };
        /** SiteTypePatch */
        SiteTypePatch: {
            /** Name */
            name?: string;
            /** Active */
            active?: boolean;
        };
        /** SiteTypeRead */
        SiteTypeRead: {
            /** Code */
            code: string;
            /** Name */
            name: string;
            /** Active */
            active: boolean;
        };
        /**
         * SiteUnit
         * @description The unit that answers for a site: its department, else its chief.
         */
        SiteUnit: {
            /**
             * Key
             * @description department:ID or chief:ID
             */
            key: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "department" | "chief";
            /** Id */
            id: number;
            /** Name */
            name: string;
        };
        /** SitesImported */
        SitesImported: {
            /** Created */
            created: number;
            /** Updated */
            updated: number;
        };
        /**
         * StandardContent
         * @description 测评内容: a group of items.
         */
        StandardContent: {
            /** Code */
            code: string;
            /** Name */
            name: string;
            /** Items */
            items: components["schemas"]["StandardItemRead"][];
        };
        /** StandardItemRead */
        StandardItemRead: {
            /** Code */
            code: string;
            /** Text */
            text: string;
            /** Site Types */
            site_types: string[];
            /**
             * Points
             * @description per occurrence
             */
            points: number;
            /**
             * Cap
             * @description most an item costs a site
             */
            cap: number;
            /** Photo Required */
            photo_required: boolean;
            /**
             * Category
             * @description the ticket category a deduction files under
             */
            category: string | null;
        };
        /**
         * StandardProject
         * @description 测评项目: a group of contents.
         */
        StandardProject: {
            /** Code */
            code: string;
            /** Name */
            name: string;
            /** Contents */
            contents: components["schemas"]["StandardContent"][];
        };
        /** StandardsImported */
        StandardsImported: {
            /** Version */
            version: string;
            /** Name */
            name: string;
            /** Items */
            items: number;
        };
        /**
         * StandardsTree
         * @description A standards version as 测评项目 → 测评内容 → 测评标准.
         */
        StandardsTree: {
            /** Version */
            version: string;
            /** Name */
            name: string;
            /**
             * Versions
             * @description every version's code, oldest first
             */
            versions: string[];
            /** Projects */
            projects: components["schemas"]["StandardProject"][];
        };
        /**
         * Status
         * @enum {string}
         */
        Status: "pending" | "assigned" | "rectified" | "closed" | "dismissed";
        /** StatusCounts */
        StatusCounts: {
            /** Pending */
            pending: number;
            /** Assigned */
            assigned: number;
            /** Rectified */
            rectified: number;
            /** Closed */
            closed: number;
            /** Dismissed */
            dismissed: number;
        };
        /** SubscriptionIn */
        SubscriptionIn: {
            /** Endpoint */
            endpoint: string;
            keys: components["schemas"]["Keys"];
        };
        /** SubscriptionRead */
        SubscriptionRead: {
            /** Id */
            id: number;
            /** Endpoint */
            endpoint: string;
        };
        /** SurveyBody */
        SurveyBody: {
            /** Answers */
            answers: {
                [key: string]: string;
            };
            /** Lat */
            lat?: number | null;
            /** Lon */
            lon?: number | null;
            /** Answered At */
            answered_at?: string | null;
        };
        /** SurveyOption */
        SurveyOption: {
            /** Code */
            code: string;
            /** Label */
            label: string;
        };
        /** SurveyPosted */
        SurveyPosted: {
            /** Answers */
            answers: number;
        };
        /** SurveyQuestionRead */
        SurveyQuestionRead: {
            /** Code */
            code: string;
            /** Text */
            text: string;
            /** Measure */
            measure: string;
            /** Options */
            options: components["schemas"]["SurveyOption"][];
        };
        /** SurveyQuestionResult */
        SurveyQuestionResult: {
            /** Code */
            code: string;
            /** Text */
            text: string;
            /** Measure */
            measure: string;
            overall: components["schemas"]["SurveyRate"];
            /** Zones */
            zones: components["schemas"]["SurveyZoneRate"][];
        };
        /** SurveyRate */
        SurveyRate: {
            /** N */
            n: number;
            /** Positive */
            positive: number;
            /** Rate */
            rate: number | null;
            /**
             * Low
             * @description 95 % Wilson interval
             */
            low: number | null;
            /** High */
            high: number | null;
        };
        /**
         * SurveyResults
         * @description 知晓率 / 支持率 / 满意率 per question, countywide and per zone.
         */
        SurveyResults: {
            /** Questions */
            questions: components["schemas"]["SurveyQuestionResult"][];
            /** Respondents */
            respondents: number;
        };
        /** SurveyZoneRate */
        SurveyZoneRate: {
            /** N */
            n: number;
            /** Positive */
            positive: number;
            /** Rate */
            rate: number | null;
            /**
             * Low
             * @description 95 % Wilson interval
             */
            low: number | null;
            /** High */
            high: number | null;
            /** Zone Id */
            zone_id: number | null;
            /** Zone */
            zone: string | null;
        };
        /** TagIn */
        TagIn: {
            /** Ticket Id */
            ticket_id: number;
        };
        /** Tagged */
        Tagged: {
            /**
             * Tagged
             * @constant
             */
            tagged: true;
            /**
             * Added
             * @description false: it was tagged already
             */
            added: boolean;
        };
        /** TaskBody */
        TaskBody: {
            /** Title */
            title: string;
            /**
             * Description
             * @default
             */
            description?: string;
            /** Owner Id */
            owner_id: number;
            /** Lead Department Id */
            lead_department_id?: number | null;
            /** Cooperating Department Ids */
            cooperating_department_ids?: number[];
            /** Zone Id */
            zone_id?: number | null;
            /** Milestones */
            milestones: components["schemas"]["MilestoneBody"][];
        };
        /** TaskDetail */
        TaskDetail: {
            /** Id */
            id: number;
            /** Title */
            title: string;
            /** Description */
            description: string;
            status: components["schemas"]["TaskStatus"];
            owner: components["schemas"]["TaskPerson"] | null;
            lead_department: components["schemas"]["NamedDepartment"] | null;
            /** Cooperating Departments */
            cooperating_departments: components["schemas"]["NamedDepartment"][];
            /** Zone Id */
            zone_id: number | null;
            /** Light */
            light: ("green" | "yellow" | "red") | null;
            /** Overdue */
            overdue: boolean;
            current_milestone: components["schemas"]["CurrentMilestone"] | null;
            /** Escalation Level */
            escalation_level: number;
            escalated_to: components["schemas"]["TaskPerson"] | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Completed At */
            completed_at: string | null;
            /** Milestones */
            milestones: components["schemas"]["MilestoneRead"][];
            /** Progress */
            progress: components["schemas"]["ProgressRead"][];
            /** Events */
            events: components["schemas"]["TaskEvent"][];
        };
        /** TaskEvent */
        TaskEvent: {
            /** Id */
            id: number;
            /** Action */
            action: string;
            actor: components["schemas"]["TaskPerson"] | null;
            /** Note */
            note: string;
            /** Data */
            data: {
                [key: string]: unknown;
            };
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
        };
        /** TaskPerson */
        TaskPerson: {
            /** Id */
            id: number;
            /** Username */
            username: string;
            /** Name */
            name: string;
            /** Title */
            title: string | null;
        };
        /** TaskRead */
        TaskRead: {
            /** Id */
            id: number;
            /** Title */
            title: string;
            /** Description */
            description: string;
            status: components["schemas"]["TaskStatus"];
            owner: components["schemas"]["TaskPerson"] | null;
            lead_department: components["schemas"]["NamedDepartment"] | null;
            /** Cooperating Departments */
            cooperating_departments: components["schemas"]["NamedDepartment"][];
            /** Zone Id */
            zone_id: number | null;
            /** Light */
            light: ("green" | "yellow" | "red") | null;
            /** Overdue */
            overdue: boolean;
            current_milestone: components["schemas"]["CurrentMilestone"] | null;
            /** Escalation Level */
            escalation_level: number;
            escalated_to: components["schemas"]["TaskPerson"] | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Completed At */
            completed_at: string | null;
            /** Milestones */
            milestones: components["schemas"]["MilestoneRead"][];
        };
        /**
         * TaskStatus
         * @enum {string}
         */
        TaskStatus: "open" | "completed";
        /**
         * TaskUnit
         * @description 任务清单 per lead unit: a department, else the task's owner.
         */
        TaskUnit: {
            /** Id */
            id: number;
            /**
             * Kind
             * @enum {string}
             */
            kind: "department" | "owner";
            /** Name */
            name: string;
            /** Open */
            open: number;
            /** Completed */
            completed: number;
            /** Green */
            green: number;
            /** Yellow */
            yellow: number;
            /** Red */
            red: number;
            /** Escalated */
            escalated: number;
            /** Milestones Due */
            milestones_due: number;
            /** Milestones On Time */
            milestones_on_time: number;
            /** Tasks */
            tasks: components["schemas"]["WeeklyTask"][];
            /** On Time Rate */
            on_time_rate: number | null;
        };
        /** TasksImported */
        TasksImported: {
            /** Created */
            created: number;
            /** Ids */
            ids: number[];
        };
        /**
         * TicketActions
         * @description What the viewer may do with the ticket now (role, jurisdiction and state).
         */
        TicketActions: {
            /** Rectify */
            rectify: boolean;
            /** Handoff */
            handoff: boolean;
            /** Verify */
            verify: boolean;
            /** Dispatch */
            dispatch: boolean;
            /** Dismiss */
            dismiss: boolean;
            /** Escalate */
            escalate: boolean;
            /** Add Photo */
            add_photo: boolean;
        };
        /**
         * TicketDetail
         * @description One ticket with its ledger events.
         */
        TicketDetail: {
            /** Id */
            id: number;
            /** Number */
            number: string;
            status: components["schemas"]["Status"];
            /** Status Label */
            status_label: string;
            /** Category */
            category: string;
            /** Category Name */
            category_name: string | null;
            /** Description */
            description: string;
            /** Lat */
            lat: number;
            /** Lon */
            lon: number;
            /** Accuracy M */
            accuracy_m: number | null;
            road: components["schemas"]["Ref"] | null;
            zone: components["schemas"]["Ref"] | null;
            assignee: components["schemas"]["UserRef"] | null;
            department: components["schemas"]["DepartmentRef"] | null;
            lead_department: components["schemas"]["DepartmentRef"] | null;
            reporter: components["schemas"]["UserRef"] | null;
            /** Captured At */
            captured_at: string | null;
            /**
             * Received At
             * Format: date-time
             */
            received_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Assigned At */
            assigned_at: string | null;
            /** Due At */
            due_at: string | null;
            /** Rectified At */
            rectified_at: string | null;
            /** Closed At */
            closed_at: string | null;
            /** Closed In Time */
            closed_in_time: boolean | null;
            /**
             * Light
             * @description an open, assigned ticket's time: green < 80 %, red past due
             */
            light: ("green" | "yellow" | "red") | null;
            /** Overdue */
            overdue: boolean;
            /** Rework Count */
            rework_count: number;
            /** Escalation Level */
            escalation_level: number;
            /** Flags */
            flags: {
                [key: string]: unknown;
            };
            /** Route Candidates */
            route_candidates: components["schemas"]["RouteCandidate"][];
            /** Grid Id */
            grid_id: number | null;
            /** Grid Candidates */
            grid_candidates: components["schemas"]["GridCandidate"][];
            duplicate_of: components["schemas"]["TicketNumber"] | null;
            /** Photos */
            photos: components["schemas"]["TicketPhoto"][];
            /**
             * Can
             * @description empty when there is no viewer
             */
            can: components["schemas"]["TicketActions"] | {
                [key: string]: boolean;
            };
            /** Events */
            events: components["schemas"]["TicketEvent"][];
            /**
             * Media Urls
             * @description pictures a client system linked to when it reported (Open311 media_url)
             */
            media_urls?: string[];
        };
        /** TicketDot */
        TicketDot: {
            /** Id */
            id: number;
            /** Number */
            number: string;
            status: components["schemas"]["Status"];
            /** Status Label */
            status_label: string;
            /** Category */
            category: string;
            /** Lat */
            lat: number;
            /** Lon */
            lon: number;
            /** Light */
            light: ("green" | "yellow" | "red") | null;
            /** Overdue */
            overdue: boolean;
            /** Due At */
            due_at: string | null;
        };
        /**
         * TicketDotView
         * @description Zoomed in: the tickets themselves, newest first, up to a limit.
         */
        TicketDotView: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            mode: "tickets";
            /** Zoom */
            zoom: number;
            /** Total */
            total: number;
            /** Truncated */
            truncated: boolean;
            /** Tickets */
            tickets: components["schemas"]["TicketDot"][];
        };
        /**
         * TicketEvent
         * @description One ledger event of the ticket, in order; `hash` chains it to the one before.
         */
        TicketEvent: {
            /** Id */
            id: number;
            /** Action */
            action: string;
            /** From Status */
            from_status: string | null;
            /** To Status */
            to_status: string | null;
            /** Note */
            note: string;
            /** Data */
            data: {
                [key: string]: unknown;
            };
            actor: components["schemas"]["UserRef"] | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Hash */
            hash: string;
        };
        /** TicketNumber */
        TicketNumber: {
            /** Id */
            id: number;
            /** Number */
            number: string;
        };
        /** TicketNumberMaybe */
        TicketNumberMaybe: {
            /** Id */
            id: number;
            /** Number */
            number: string | null;
        };
        /** TicketPage */
        TicketPage: {
            /** Data */
            data: components["schemas"]["TicketRead"][];
            /**
             * Count
             * @description how many match, over all pages
             */
            count: number;
        };
        /** TicketPhoto */
        TicketPhoto: {
            /** Id */
            id: number;
            kind: components["schemas"]["PhotoKind"];
            /** Url */
            url: string;
            /** Thumb Url */
            thumb_url: string;
            /** Original Url */
            original_url: string;
            /** Width */
            width: number;
            /** Height */
            height: number;
            /** Taken At */
            taken_at: string | null;
            /** Created At */
            created_at: string | null;
            gps: components["schemas"]["PhotoGps"] | null;
            /** Distance M */
            distance_m: number | null;
            /** Flags */
            flags: {
                [key: string]: unknown;
            };
            /** @description who took it: a 整改前 photo may come from another inspector (add_photo) */
            uploaded_by: components["schemas"]["UserRef"] | null;
        };
        /** TicketRead */
        TicketRead: {
            /** Id */
            id: number;
            /** Number */
            number: string;
            status: components["schemas"]["Status"];
            /** Status Label */
            status_label: string;
            /** Category */
            category: string;
            /** Category Name */
            category_name: string | null;
            /** Description */
            description: string;
            /** Lat */
            lat: number;
            /** Lon */
            lon: number;
            /** Accuracy M */
            accuracy_m: number | null;
            road: components["schemas"]["Ref"] | null;
            zone: components["schemas"]["Ref"] | null;
            assignee: components["schemas"]["UserRef"] | null;
            department: components["schemas"]["DepartmentRef"] | null;
            lead_department: components["schemas"]["DepartmentRef"] | null;
            reporter: components["schemas"]["UserRef"] | null;
            /** Captured At */
            captured_at: string | null;
            /**
             * Received At
             * Format: date-time
             */
            received_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Assigned At */
            assigned_at: string | null;
            /** Due At */
            due_at: string | null;
            /** Rectified At */
            rectified_at: string | null;
            /** Closed At */
            closed_at: string | null;
            /** Closed In Time */
            closed_in_time: boolean | null;
            /**
             * Light
             * @description an open, assigned ticket's time: green < 80 %, red past due
             */
            light: ("green" | "yellow" | "red") | null;
            /** Overdue */
            overdue: boolean;
            /** Rework Count */
            rework_count: number;
            /** Escalation Level */
            escalation_level: number;
            /** Flags */
            flags: {
                [key: string]: unknown;
            };
            /** Route Candidates */
            route_candidates: components["schemas"]["RouteCandidate"][];
            /** Grid Id */
            grid_id: number | null;
            /** Grid Candidates */
            grid_candidates: components["schemas"]["GridCandidate"][];
            duplicate_of: components["schemas"]["TicketNumber"] | null;
            /** Photos */
            photos: components["schemas"]["TicketPhoto"][];
            /**
             * Can
             * @description empty when there is no viewer
             */
            can: components["schemas"]["TicketActions"] | {
                [key: string]: boolean;
            };
        };
        /**
         * TicketSummary
         * @description A ticket as the map and the live stream show it.
         */
        TicketSummary: {
            /** Id */
            id: number;
            /** Number */
            number: string;
            status: components["schemas"]["Status"];
            /** Status Label */
            status_label: string;
            /** Category */
            category: string;
            /** Category Name */
            category_name: string | null;
            /** Lat */
            lat: number;
            /** Lon */
            lon: number;
            /** Light */
            light: ("green" | "yellow" | "red") | null;
            /** Overdue */
            overdue: boolean;
            road: components["schemas"]["Ref"] | null;
            zone: components["schemas"]["Ref"] | null;
            assignee: components["schemas"]["UserRef"] | null;
            department: components["schemas"]["DepartmentRef"] | null;
            /** Due At */
            due_at: string | null;
            /**
             * Received At
             * Format: date-time
             */
            received_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Rework Count */
            rework_count: number;
            /** Escalation Level */
            escalation_level: number;
            /** Duplicate Of Id */
            duplicate_of_id: number | null;
        };
        /**
         * Ticketed
         * @description Accepted (a new ticket) or merged (into an existing one).
         */
        Ticketed: {
            status: components["schemas"]["IntakeStatus"];
            ticket: components["schemas"]["TicketNumber"];
        };
        /** TicketsSpawned */
        TicketsSpawned: {
            /** Filed */
            filed: number;
            /** Closed */
            closed: number;
            /** Closure Rate */
            closure_rate: number | null;
        };
        /**
         * TokenRead
         * @description A bearer token for outside clients; the browser also gets the session cookie.
         */
        TokenRead: {
            /** Access Token */
            access_token: string;
            /**
             * Token Type
             * @constant
             */
            token_type: "bearer";
            /**
             * Csrf Token
             * @description send as X-CSRF-Token on unsafe requests with the cookie
             */
            csrf_token: string;
        };
        /**
         * TownCenter
         * @description The middle of the zones' extent; null before any zone exists.
         */
        TownCenter: {
            /** Lat */
            lat: number | null;
            /** Lon */
            lon: number | null;
        };
        /** TrackedTicket */
        TrackedTicket: {
            /** Number */
            number: string;
            status: components["schemas"]["Status"];
            /** Status Label */
            status_label: string;
            /**
             * Road
             * @description the road, else the zone, else empty
             */
            road: string;
            /** Due At */
            due_at: string | null;
            /** Rectified At */
            rectified_at: string | null;
            /** Closed At */
            closed_at: string | null;
        };
        /**
         * Tracking
         * @description The reporter's page: no staff names, no contact details, nothing about other reporters.
         */
        Tracking: {
            /**
             * Stage
             * @enum {string}
             */
            stage: "triage" | "rejected" | "closed" | "dismissed" | "in_progress";
            /**
             * Received At
             * Format: date-time
             */
            received_at: string;
            /** Category */
            category: string;
            /** Description */
            description: string;
            /** Reject Reason */
            reject_reason: string;
            /** Merged */
            merged: boolean;
            ticket: components["schemas"]["TrackedTicket"] | null;
            /** Photos */
            photos: string[];
            /** After Photos */
            after_photos: string[];
            /** Can Rate */
            can_rate: boolean;
            rating: components["schemas"]["RatingRead"] | null;
        };
        /** TrendDay */
        TrendDay: {
            /**
             * Day
             * Format: date
             */
            day: string;
            /** Found */
            found: number;
            /** Rectified */
            rectified: number;
        };
        /** TriageQueue */
        TriageQueue: {
            /** Data */
            data: components["schemas"]["IntakeReport"][];
            /** Count */
            count: number;
        };
        /** UnitCount */
        UnitCount: {
            /** Unit */
            unit: string;
            /** Count */
            count: number;
        };
        /** UnitScore */
        UnitScore: {
            /** Rank */
            rank: number | null;
            /**
             * Tied
             * @description 并列: another unit has the same rank
             */
            tied: boolean;
            /**
             * Bottom
             * @description 末位
             */
            bottom: boolean;
            /**
             * Key
             * @description department:ID or chief:ID
             */
            key: string;
            /** Name */
            name: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "department" | "chief";
            /** Sites */
            sites: number;
            /** Score */
            score: number | null;
            /**
             * Delta
             * @description against the previous round of the kind
             */
            delta: number | null;
        };
        /** Unsubscribe */
        Unsubscribe: {
            /** Endpoint */
            endpoint: string;
        };
        /** Untagged */
        Untagged: {
            /**
             * Tagged
             * @constant
             */
            tagged: false;
        };
        /** UserCreate */
        UserCreate: {
            /** Username */
            username: string;
            /** Name */
            name: string;
            role: components["schemas"]["Role"];
            /** Password */
            password: string;
            /** Level */
            level?: number | null;
            /** Title */
            title?: string | null;
            /** Phone */
            phone?: string | null;
            /** Department Id */
            department_id?: number | null;
            /** Area Id */
            area_id?: number | null;
        };
        /**
         * UserRead
         * @description A person as the apps see them (GET /api/me, /api/users).
         */
        UserRead: {
            /** Id */
            id: number;
            /** Username */
            username: string;
            /** Name */
            name: string;
            role: components["schemas"]["Role"];
            /** Level */
            level: number | null;
            /** Title */
            title: string | null;
            department: components["schemas"]["DepartmentRef"] | null;
        };
        /** UserRef */
        UserRef: {
            /** Id */
            id: number;
            /** Username */
            username: string;
            /** Name */
            name: string;
        };
        /** UserUpdate */
        UserUpdate: {
            /** Name */
            name?: string;
            /** Is Active */
            is_active?: boolean;
            /** Password */
            password?: string;
            /**
             * Title
             * @description null clears it
             */
            title?: string | null;
            /**
             * Phone
             * @description null clears it
             */
            phone?: string | null;
            role?: components["schemas"]["Role"];
            /**
             * Level
             * @description null: not a chief
             */
            level?: number | null;
            /**
             * Department Id
             * @description null: no department
             */
            department_id?: number | null;
            /**
             * Area Id
             * @description null: no area
             */
            area_id?: number | null;
        };
        /** VapidKey */
        VapidKey: {
            /** Public Key */
            public_key: string;
        };
        /** WeeklyTask */
        WeeklyTask: {
            /** Id */
            id: number;
            /** Title */
            title: string;
            /** Light */
            light: ("green" | "yellow" | "red") | null;
            /** Owner */
            owner: string | null;
            /** Milestone */
            milestone: string | null;
            /** Due On */
            due_on: string | null;
            /** Escalation Level */
            escalation_level: number;
        };
        /** Withdrawn */
        Withdrawn: {
            /** Id */
            id: number;
            /**
             * Withdrawn
             * @constant
             */
            withdrawn: true;
        };
        /** ZoneCollection */
        ZoneCollection: {
            /**
             * Type
             * @constant
             */
            type: "FeatureCollection";
            /** Features */
            features: components["schemas"]["ZoneFeature"][];
        };
        /** ZoneFeature */
        ZoneFeature: {
            /**
             * Type
             * @constant
             */
            type: "Feature";
            /** Id */
            id: number;
            /** Geometry */
            geometry: {
                /** @enum {string} */
                type: "Polygon";
                coordinates: number[][][];
            } | {
                /** @enum {string} */
                type: "MultiPolygon";
                coordinates: number[][][][];
            };
            properties: components["schemas"]["ZoneProperties"];
        };
        /** ZoneIn */
        ZoneIn: {
            /** Area Id */
            area_id: number;
            /** Name */
            name: string;
            /** Chief Id */
            chief_id?: number | null;
            /** Leader Id */
            leader_id?: number | null;
            /** Geometry */
            geometry: {
                [key: string]: unknown;
            };
        };
        /** ZoneOut */
        ZoneOut: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Chief Id */
            chief_id: number | null;
            /** Leader Id */
            leader_id: number | null;
        };
        /** ZoneProperties */
        ZoneProperties: {
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** @description the town (镇/街道) */
            area: components["schemas"]["Ref"];
            chief: components["schemas"]["ChiefRef"] | null;
            /** @description 挂包领导 */
            leader: components["schemas"]["ChiefRef"] | null;
        };
        /** ZoneRow */
        ZoneRow: {
            /** New */
            new: number;
            /** Closed */
            closed: number;
            /** Due */
            due: number;
            /** Due Closed */
            due_closed: number;
            /** Due In Time */
            due_in_time: number;
            /** Rectified */
            rectified: number;
            /** Reworked */
            reworked: number;
            /** Overdue */
            overdue: number;
            /** Ratings */
            ratings: number;
            /** Closure Rate */
            closure_rate: number | null;
            /** On Time Rate */
            on_time_rate: number | null;
            /** Rework Rate */
            rework_rate: number | null;
            /** Overdue Share */
            overdue_share: number | null;
            /** Avg Rectify Hours */
            avg_rectify_hours: number | null;
            /** Satisfaction Rate */
            satisfaction_rate: number | null;
            /** Score */
            score: number | null;
            /** Grade */
            grade: string;
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Rank */
            rank: number | null;
            /** Tied */
            tied: boolean;
            /** Bottom */
            bottom: boolean;
            /** Chief */
            chief?: string | null;
            /** Leader */
            leader?: string | null;
        };
        /** ZoneScore */
        ZoneScore: {
            /** Rank */
            rank: number | null;
            /**
             * Tied
             * @description 并列: another unit has the same rank
             */
            tied: boolean;
            /**
             * Bottom
             * @description 末位
             */
            bottom: boolean;
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Sites */
            sites: number;
            /** Score */
            score: number | null;
            /**
             * Delta
             * @description against the previous round of the kind
             */
            delta: number | null;
        };
        /** ZoneUpdate */
        ZoneUpdate: {
            /** Name */
            name?: string;
            /**
             * Chief Id
             * @description null leaves it with nobody
             */
            chief_id?: number | null;
            /**
             * Leader Id
             * @description null leaves it with nobody
             */
            leader_id?: number | null;
            /** Geometry */
            geometry?: {
                [key: string]: unknown;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    token_api_auth_token_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["Body_token_api_auth_token_post"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenRead"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description too many attempts; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    logout_api_auth_logout_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    me_api_me_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_users_api_admin_users_get: {
        parameters: {
            query?: {
                q?: string;
                role?: components["schemas"]["Role"];
                active?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserRead"][];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_user_api_admin_users_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserRead"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_user_api_admin_users__user_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserRead"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_holdings_api_admin_users__user_id__holdings_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HoldingsIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserRead"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_areas_api_admin_areas_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AreaRead"][];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_area_api_admin_areas_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AreaIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ref"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rename_area_api_admin_areas__area_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                area_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AreaIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ref"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_zone_api_admin_zones_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ZoneIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZoneOut"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_zone_api_admin_zones__zone_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                zone_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ZoneUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZoneOut"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_road_api_admin_roads_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoadIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoadOut"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_road_api_admin_roads__road_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                road_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoadUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoadOut"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    import_road_network_api_admin_roads_import_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoadNetworkImported"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    import_file_api_admin_org_import_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["Body_import_file_api_admin_org_import_post"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoadNetworkImported"] | components["schemas"]["GridsImported"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not an accepted image (JPEG, PNG or HEIC, checked by content) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_grid_api_admin_grids_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GridIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GridOut"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_grid_api_admin_grids__grid_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grid_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GridUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GridOut"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reroute_preview_api_admin_reroute_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReroutePreview"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reroute_api_admin_reroute_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RerouteIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rerouted"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_category_api_admin_categories__code__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CategoryUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryAdminRead"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_calendar_api_admin_calendar_get: {
        parameters: {
            query?: {
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarDayRead"][];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_calendar_day_api_admin_calendar__day__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                day: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CalendarDayIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarDayRead"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    clear_calendar_day_api_admin_calendar__day__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                day: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarDayCleared"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    audit_trail_api_admin_audit_get: {
        parameters: {
            query?: {
                subject?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntry"][];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    roads_api_roads_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoadCollection"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    zones_api_zones_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZoneCollection"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    grids_api_grids_get: {
        parameters: {
            query?: {
                zone?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GridCollection"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    departments_api_departments_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentRef"][];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    users_api_users_get: {
        parameters: {
            query?: {
                role?: components["schemas"]["Role"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"][];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    client_config_api_config_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientConfig"];
                };
            };
        };
    };
    categories_api_categories_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryRead"][];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    search_tickets_api_tickets_get: {
        parameters: {
            query?: {
                status?: string;
                category?: string;
                road?: number;
                zone?: number;
                assignee?: number;
                reporter?: string;
                bbox?: string;
                since?: string;
                until?: string;
                overdue?: boolean;
                inbox?: boolean;
                near?: string;
                sort?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketPage"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_ticket_api_tickets_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description a UUID made on the phone; a retry with the same key does nothing twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["Body_create_ticket_api_tickets_post"];
            };
        };
        responses: {
            /** @description the same Idempotency-Key and body again: the first ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not an accepted image (JPEG, PNG or HEIC, checked by content) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_ticket_api_tickets__ticket_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticket_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rectify_api_tickets__ticket_id__rectify_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description a UUID made on the phone; a retry with the same key does nothing twice */
                "Idempotency-Key"?: string;
            };
            path: {
                ticket_id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "multipart/form-data": components["schemas"]["Body_rectify_api_tickets__ticket_id__rectify_post"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not an accepted image (JPEG, PNG or HEIC, checked by content) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    add_photos_api_tickets__ticket_id__photos_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description a UUID made on the phone; a retry with the same key does nothing twice */
                "Idempotency-Key"?: string;
            };
            path: {
                ticket_id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "multipart/form-data": components["schemas"]["Body_add_photos_api_tickets__ticket_id__photos_post"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not an accepted image (JPEG, PNG or HEIC, checked by content) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    verify_api_tickets__ticket_id__verify_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description a UUID made on the phone; a retry with the same key does nothing twice */
                "Idempotency-Key"?: string;
            };
            path: {
                ticket_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Approved */
                    approved: boolean;
                    /**
                     * Note
                     * @default
                     */
                    note?: string;
                    /** Lat */
                    lat?: number | null;
                    /** Lon */
                    lon?: number | null;
                    /** Accuracy M */
                    accuracy_m?: number | null;
                };
                "multipart/form-data": {
                    approved: boolean;
                    note?: string;
                    /** @description verify photos (核查), JPEG, PNG or HEIC */
                    photo?: string[];
                };
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not an accepted image (JPEG, PNG or HEIC, checked by content) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    handoff_api_tickets__ticket_id__handoff_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description a UUID made on the phone; a retry with the same key does nothing twice */
                "Idempotency-Key"?: string;
            };
            path: {
                ticket_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandoffBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    dispatch_api_tickets__ticket_id__dispatch_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description a UUID made on the phone; a retry with the same key does nothing twice */
                "Idempotency-Key"?: string;
            };
            path: {
                ticket_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DispatchBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    dismiss_api_tickets__ticket_id__dismiss_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description a UUID made on the phone; a retry with the same key does nothing twice */
                "Idempotency-Key"?: string;
            };
            path: {
                ticket_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DismissBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    escalate_api_tickets__ticket_id__escalate_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description a UUID made on the phone; a retry with the same key does nothing twice */
                "Idempotency-Key"?: string;
            };
            path: {
                ticket_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EscalateBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    photo_file_api_photos__photo_id___variant__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                photo_id: number;
                variant: "display" | "thumb" | "original";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    verify_api_ledger_verify_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerIntact"] | components["schemas"]["LedgerBroken"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    stream_api_stream_get: {
        parameters: {
            query?: {
                after?: number;
            };
            header?: {
                "last-event-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    map_clusters_api_map_clusters_get: {
        parameters: {
            query: {
                /** @description minLon,minLat,maxLon,maxLat in WGS-84 degrees */
                bbox: string;
                zoom: number;
                status?: string;
                category?: string;
                zone?: string;
                road?: string;
                assignee?: string;
                department?: string;
                since?: string;
                until?: string;
                overdue?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClusterView"] | components["schemas"]["TicketDotView"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ticket_duplicates_api_tickets__ticket_id__duplicates_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticket_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Duplicate"][];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_bulletin_api_bulletin_get: {
        parameters: {
            query?: {
                week?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulletinRead"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    issue_bulletin_api_bulletin_issue_put: {
        parameters: {
            query?: {
                week?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulletinRead"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_bulletin_xlsx_api_bulletin_xlsx_get: {
        parameters: {
            query?: {
                week?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_bulletin_print_api_bulletin_print_get: {
        parameters: {
            query?: {
                week?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_print_font_api_bulletin_font_otf_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    export_ledger_api_ledger_export_xlsx_get: {
        parameters: {
            query?: {
                bbox?: string;
                status?: string;
                category?: string;
                zone?: string;
                road?: string;
                assignee?: string;
                department?: string;
                since?: string;
                until?: string;
                overdue?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    health_api_health_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthRead"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_sites_api_sites_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteCollection"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    my_sites_api_sites_mine_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyResults"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_site_types_api_site_types_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteTypeRead"][];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    add_site_type_api_admin_site_types_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SiteTypeBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteTypeRead"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_site_type_api_admin_site_types__code__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SiteTypePatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteTypeRead"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    import_sites_api_admin_sites_import_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["Body_import_sites_api_admin_sites_import_post"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SitesImported"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not an accepted image (JPEG, PNG or HEIC, checked by content) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_standards_api_standards_get: {
        parameters: {
            query?: {
                version?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StandardsTree"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    import_standards_api_admin_standards_import_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["Body_import_standards_api_admin_standards_import_post"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StandardsImported"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not an accepted image (JPEG, PNG or HEIC, checked by content) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    export_standards_api_admin_standards_export_xlsx_get: {
        parameters: {
            query?: {
                version?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_questionnaires_api_questionnaires_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireRead"][];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_rounds_api_rounds_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundList"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_round_api_rounds_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDetail"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_round_api_rounds__round_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                round_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDetail"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    close_round_api_rounds__round_id__close_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                round_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundSummary"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    submit_sheet_api_rounds__round_id__sheets_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description a UUID made on the phone; a retry with the same key does nothing twice */
                "Idempotency-Key"?: string;
            };
            path: {
                round_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    site_id: number;
                    checked_in_lat: number;
                    checked_in_lon: number;
                    accuracy_m?: number;
                    /** @description JSON list of {item_code, outcome: pass|deduct|na, occurrences, note, photo_field} */
                    results: string;
                } & {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description the same Idempotency-Key and body again: the sheet recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SheetRead"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SheetRead"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not an accepted image (JPEG, PNG or HEIC, checked by content) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sheet_api_rounds__round_id__sheets__sheet_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sheet_id: number;
                round_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SheetRead"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_result_photo_api_rounds__round_id__sheets__sheet_id__results__result_id__photos__n___size__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sheet_id: number;
                result_id: number;
                n: number;
                size: "display" | "thumb" | "original";
                round_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_scores_api_rounds__round_id__scores_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                round_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundScores"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_scores_xlsx_api_rounds__round_id__scores_xlsx_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                round_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_scores_print_api_rounds__round_id__scores_print_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                round_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_survey_api_rounds__round_id__survey_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description a UUID made on the phone; a retry with the same key does nothing twice */
                "Idempotency-Key"?: string;
            };
            path: {
                round_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyBody"];
            };
        };
        responses: {
            /** @description the same respondent (Idempotency-Key) again: not counted twice */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyPosted"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyPosted"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_survey_results_api_rounds__round_id__survey_results_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                round_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyResults"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    challenge_api_citizen_challenge_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Challenge"];
                };
            };
        };
    };
    categories_api_citizen_categories_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenCategory"][];
                };
            };
        };
    };
    area_api_citizen_area_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TownCenter"];
                };
            };
        };
    };
    file_report_api_citizen_reports_post: {
        parameters: {
            query?: never;
            header?: {
                "X-Device-Id"?: string;
                /** @description a UUID made on the phone; a retry with the same key does nothing twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["Body_file_report_api_citizen_reports_post"];
            };
        };
        responses: {
            /** @description the same report again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Filed"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Filed"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not an accepted image (JPEG, PNG or HEIC, checked by content) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description too many attempts; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    track_api_citizen_track__token__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tracking"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    tracked_photo_api_citizen_track__token__photos__which___photo_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                which: "mine" | "after";
                photo_id: number;
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JPEG */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": unknown;
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rate_api_citizen_track__token__rating_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rated"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    triage_queue_api_citizen_triage_get: {
        parameters: {
            query?: {
                status?: components["schemas"]["IntakeStatus"];
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriageQueue"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    accept_api_citizen_triage__report_id__accept_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                report_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticketed"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    merge_api_citizen_triage__report_id__merge_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                report_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticketed"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reject_api_citizen_triage__report_id__reject_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                report_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rejected"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    citizen_photo_api_citizen_photos__photo_id___variant__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                photo_id: number;
                variant: "display" | "thumb" | "original";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JPEG */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": unknown;
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reviews_api_citizen_reviews_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewRow"][];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    review_api_citizen_reviews__rating_id__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rating_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reviewed"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_campaigns_api_campaigns_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignListRow"][];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_campaign_api_campaigns_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignCreated"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_campaign_api_campaigns__campaign_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDetail"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    tag_ticket_api_campaigns__campaign_id__tickets_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TagIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tagged"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    untag_ticket_api_campaigns__campaign_id__tickets__ticket_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: number;
                ticket_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Untagged"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    campaign_report_api_campaigns__campaign_id__report_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    campaign_report_xlsx_api_campaigns__campaign_id__report_xlsx_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the campaign's figures as a workbook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_tasks_api_tasks_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskRead"][];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_task_api_tasks_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDetail"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    import_tasks_api_tasks_import_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["Body_import_tasks_api_tasks_import_post"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksImported"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not an accepted image (JPEG, PNG or HEIC, checked by content) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_task_api_tasks__task_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDetail"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_progress_api_tasks__task_id__progress_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description a UUID made on the phone; a retry with the same key does nothing twice */
                "Idempotency-Key"?: string;
            };
            path: {
                task_id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "multipart/form-data": components["schemas"]["Body_post_progress_api_tasks__task_id__progress_post"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDetail"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not an accepted image (JPEG, PNG or HEIC, checked by content) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    complete_task_api_tasks__task_id__complete_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description a UUID made on the phone; a retry with the same key does nothing twice */
                "Idempotency-Key"?: string;
            };
            path: {
                task_id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "multipart/form-data": components["schemas"]["Body_complete_task_api_tasks__task_id__complete_post"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDetail"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not an accepted image (JPEG, PNG or HEIC, checked by content) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    escalate_task_api_tasks__task_id__escalate_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EscalateBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDetail"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    task_photo_api_tasks__task_id__photos__progress_id___n___size__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                progress_id: number;
                n: number;
                size: string;
                task_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the photo's published copy (JPEG, no metadata) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_channels_api_admin_channels_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelRead"][];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    add_channel_api_admin_channels_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChannelIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelRead"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_channel_api_admin_channels__channel_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChannelUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelRead"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    test_channel_api_admin_channels__channel_id__test_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationRead"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delivery_log_api_admin_notifications_get: {
        parameters: {
            query?: {
                status?: components["schemas"]["DeliveryStatus"];
                channel_id?: number;
                ticket_id?: number;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryLog"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_notification_api_admin_notifications__notification_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notification_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationRead"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    retry_notification_api_admin_notifications__notification_id__retry_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notification_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationRead"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    vapid_public_key_api_notify_vapid_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VapidKey"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    subscribe_api_notify_subscriptions_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionRead"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    unsubscribe_api_notify_subscriptions_remove_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Unsubscribe"];
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_preferences_api_notify_preferences_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreferencesRead"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_preferences_api_notify_preferences_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreferencesIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreferencesRead"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_issued_bulletin_api_bulletin_issued_get: {
        parameters: {
            query: {
                /** @description ISO week in local time, e.g. 2026-W49 (第49周); absent or empty: this week */
                week: string;
                sig: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    board_page_api_public_boards__board__get: {
        parameters: {
            query?: {
                page?: number;
            };
            header?: never;
            path: {
                board: components["schemas"]["Board"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of published cases */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardPage"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    public_photo_api_public_publications__publication_id__photos__index__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                publication_id: number;
                index: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JPEG */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": unknown;
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    publications_api_citizen_publications_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicationRow"][];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    publish_api_citizen_publications_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicItem"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    withdraw_api_citizen_publications__publication_id__withdraw_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                publication_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Withdrawn"];
                };
            };
            /** @description the body cannot be parsed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the action does not fit the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the body, or one photo in it, is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description busy or unhealthy; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    candidates_api_citizen_publications_candidates_get: {
        parameters: {
            query: {
                board: components["schemas"]["Board"];
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Candidate"][];
                };
            };
            /** @description not signed in, or the session has ended */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description signed in, but not allowed (role, jurisdiction, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description invalid input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
