{{ stg_actor_rows('event_actors') }}
