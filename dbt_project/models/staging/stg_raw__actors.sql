{{ stg_actor_rows('actors') }}
